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
 * @param runningSince where the clock's current run started (receipt, resume or restart,
 * after the cut-off and the next working session); null while paused
 * @param leftWhenStarted working time that was left when that run started
 * @param lines one explanation per ledger entry, in order
 */
public record Deadline(Instant dueAt, Instant legalDueAt, boolean paused, Duration budget, Duration consumed,
		boolean extended, Instant runningSince, Duration leftWhenStarted, List<Line> lines) {

	/**
	 * The due date of a step handed over at {@code openedAt} with {@code share} percent
	 * of the time: counted from the next working instant, never before the dossier's own
	 * clock runs, and, after a resume, a share of what was left then rather than of the
	 * whole budget.
	 */
	public Instant stepDue(Instant openedAt, int share, WorkingCalendar calendar) {
		Instant start = calendar.nextWorkingInstant(openedAt);
		Duration base = this.budget;
		if (this.runningSince != null) {
			if (this.runningSince.isAfter(start)) {
				start = this.runningSince;
			}
			base = this.leftWhenStarted.isNegative() ? Duration.ZERO : this.leftWhenStarted;
		}
		return calendar.add(start, base.multipliedBy(share).dividedBy(100));
	}

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
