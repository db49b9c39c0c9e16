package io.motcua.app.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A stored ledger entry, with the due date before and after it as computed at the time
 * (for the record; the current due date is always recomputed from all entries).
 */
@Entity
@Table(name = "deadline_entry")
class DeadlineEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "dossier_code", nullable = false, length = 60)
	private String dossierCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private LedgerEntry.Type type;

	@Column(nullable = false)
	private Instant at;

	@Column(name = "budget_seconds")
	private Long budgetSeconds;

	@Column
	private Instant appointment;

	@Column(name = "cut_off", length = 5)
	private String cutOff;

	@Column(name = "resume_mode", length = 10)
	private String resumeMode;

	@Column(length = 2000)
	private String reason;

	@Column(nullable = false, length = 60)
	private String actor;

	@Column(name = "due_before")
	private Instant dueBefore;

	@Column(name = "due_after")
	private Instant dueAfter;

	protected DeadlineEntry() {
	}

	DeadlineEntry(String dossierCode, LedgerEntry entry, String resumeMode) {
		this.dossierCode = dossierCode;
		this.type = entry.type();
		this.at = entry.at();
		this.budgetSeconds = (entry.budget() != null) ? entry.budget().toSeconds() : null;
		this.appointment = entry.appointment();
		this.cutOff = (entry.cutOff() != null) ? entry.cutOff().toString() : null;
		this.resumeMode = resumeMode;
		this.reason = entry.reason();
		this.actor = entry.actor();
	}

	void recordDue(Instant before, Instant after) {
		this.dueBefore = before;
		this.dueAfter = after;
	}

	LedgerEntry entry() {
		return new LedgerEntry(this.type, this.at,
				(this.budgetSeconds != null) ? Duration.ofSeconds(this.budgetSeconds) : null,
				(this.cutOff != null) ? LocalTime.parse(this.cutOff) : null, this.appointment, this.reason, this.actor);
	}

	String resumeMode() {
		return this.resumeMode;
	}

	String dossierCode() {
		return this.dossierCode;
	}

	Instant dueBefore() {
		return this.dueBefore;
	}

	Instant dueAfter() {
		return this.dueAfter;
	}

}
