package io.motcua.app.workflow;

import java.time.Instant;

/**
 * Where a dossier's SLA timers fire: the dates the deadline ledger derived.
 *
 * @param processInstanceId the dossier's process instance, null where the process is
 * found by the dossier's code
 * @param warningAt when the warning timer fires, null while the clock is stopped
 * @param dueAt when the overdue timer fires, null while the clock is stopped
 */
public record SlaTimers(String processInstanceId, Instant warningAt, Instant dueAt) {

	/** The dates of a dossier whose process is found by its code. */
	public static SlaTimers of(Instant warningAt, Instant dueAt) {
		return new SlaTimers(null, warningAt, dueAt);
	}

}
