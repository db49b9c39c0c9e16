package io.motcua.app.sla;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/dossiers/{code}/deadline}: the ledger, the current due date and one
 * explanation per event.
 *
 * @param dossierCode the dossier
 * @param dueAt the current appointment, null while paused
 * @param legalDueAt the due date without extensions, against which lateness is judged
 * @param warningAt when the warning fires, null while paused
 * @param paused whether the clock is stopped
 * @param remainingMinutes working minutes left (negative when overdue)
 * @param extended whether an extension was granted
 * @param entries the ledger with explanations
 */
public record DeadlineView(String dossierCode, Instant dueAt, Instant legalDueAt, Instant warningAt, boolean paused,
		long remainingMinutes, boolean extended, List<Entry> entries) {

	/**
	 * One ledger entry.
	 *
	 * @param type what happened
	 * @param at when
	 * @param actor who
	 * @param reason why, may be null
	 * @param appointment the new appointment of an extension, else null
	 * @param dueAfter the due date once it applied
	 * @param explanation one human-readable line
	 */
	public record Entry(LedgerEntry.Type type, Instant at, String actor, String reason, Instant appointment,
			Instant dueAfter, String explanation) {
	}

}
