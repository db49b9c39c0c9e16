package io.motcua.app.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.motcua.app.catalog.Procedure;

/**
 * The stored deadline ledgers: reads a dossier's entries, replays them under the current
 * working calendar and appends new ones with the due dates they lead to.
 */
@Component
class Ledgers {

	private final DeadlineEntryRepository entries;

	private final CalendarService calendars;

	private final SlaProperties properties;

	Ledgers(DeadlineEntryRepository entries, CalendarService calendars, SlaProperties properties) {
		this.entries = entries;
		this.calendars = calendars;
		this.properties = properties;
	}

	WorkingCalendar calendar() {
		return this.calendars.current();
	}

	List<DeadlineEntry> stored(String code) {
		return this.entries.findByDossierCodeOrderById(code);
	}

	/** The deadline as the ledger stands at {@code now}. */
	Deadline compute(String code, WorkingCalendar calendar, Instant now) {
		return replay(stored(code), calendar, now);
	}

	static Deadline replay(List<DeadlineEntry> stored, WorkingCalendar calendar, Instant now) {
		return DeadlineLedger.replay(stored.stream().map(DeadlineEntry::entry).toList(), calendar, now);
	}

	/**
	 * Appends an entry to a ledger already read.
	 * @return the deadline once it applied
	 */
	Deadline append(String code, List<DeadlineEntry> stored, LedgerEntry entry, String resumeMode,
			WorkingCalendar calendar) {
		List<LedgerEntry> ledger = new ArrayList<>(stored.size() + 1);
		stored.forEach((existing) -> ledger.add(existing.entry()));
		Instant before = ledger.isEmpty() ? null : DeadlineLedger.replay(ledger, calendar, entry.at()).dueAt();
		ledger.add(entry);
		Deadline after = DeadlineLedger.replay(ledger, calendar, entry.at());
		DeadlineEntry appended = new DeadlineEntry(code, entry, resumeMode);
		appended.recordDue(before, after.dueAt());
		this.entries.save(appended);
		return after;
	}

	/** The resume mode the procedure had when the dossier was received. */
	static boolean restartsAfterSupplement(List<DeadlineEntry> stored) {
		return stored.stream()
			.filter((entry) -> entry.entry().type() == LedgerEntry.Type.RECEIVED)
			.anyMatch((entry) -> Procedure.SupplementResumeMode.RESTART.name().equals(entry.resumeMode()));
	}

	/**
	 * When a dossier counts as due soon: the smaller of the configured lead and a share
	 * of its budget before the due date; null while its clock is stopped.
	 */
	Instant warningAt(Deadline deadline, WorkingCalendar calendar) {
		if (deadline.dueAt() == null) {
			return null;
		}
		Duration share = deadline.budget().multipliedBy(this.properties.warningShare()).dividedBy(100);
		Duration lead = (share.compareTo(this.properties.warningLead()) < 0) ? share : this.properties.warningLead();
		return calendar.subtract(deadline.dueAt(), lead);
	}

}
