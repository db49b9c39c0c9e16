package io.motcua.app.sla;

import java.time.Instant;
import java.time.ZoneId;

/**
 * How a dossier or a step finished against its due date.
 */
public enum Verdict {

	/** Finished on a working day before the due date. */
	EARLY,
	/** Finished on the day it was due, before the due time. */
	ON_TIME,
	/** Finished after the due date, or extended (an apology letter makes it late). */
	LATE;

	static Verdict of(Instant completedAt, Instant dueAt, boolean extended, ZoneId zone) {
		if (extended || completedAt.isAfter(dueAt)) {
			return LATE;
		}
		if (completedAt.atZone(zone).toLocalDate().isBefore(dueAt.atZone(zone).toLocalDate())) {
			return EARLY;
		}
		return ON_TIME;
	}

}
