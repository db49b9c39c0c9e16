package io.motcua.app.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A dossier's deadline as derived from its ledger.
 *
 * @param dueAt the current appointment, extensions included; null while paused
 * @param legalDueAt the due date without extensions, against which lateness is judged;
 * null while paused
 * @param paused whether the clock is stopped (awaiting a supplement)
 * @param budget working time granted, extensions included
 * @param consumed working time used up to the moment of computing
 * @param extended whether any extension was granted (the dossier then counts as late)
 * @param lines one explanation per ledger entry, in order
 */
public record Deadline(Instant dueAt, Instant legalDueAt, boolean paused, Duration budget, Duration consumed,
		boolean extended, List<Line> lines) {

	/** Working time left; negative when overdue. */
	public Duration remaining() {
		return this.budget.minus(this.consumed);
	}

	/**
	 * The explanation of one ledger entry.
	 *
	 * @param entry the entry
	 * @param dueAfter the due date once the entry applied (null while paused)
	 * @param explanation one human-readable line
	 */
	public record Line(LedgerEntry entry, Instant dueAfter, String explanation) {
	}

}
