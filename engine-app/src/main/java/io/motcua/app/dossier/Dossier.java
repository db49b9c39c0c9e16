package io.motcua.app.dossier;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.NaturalId;

/**
 * One application for one procedure by one applicant: the case. Its status mirrors where
 * its process stands; every change returns the timeline entry that records it.
 */
@Entity
@Table(name = "dossier")
class Dossier {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@NaturalId
	@Column(nullable = false, unique = true, length = 60)
	private String code;

	@Column(name = "procedure_code", nullable = false, length = 40)
	private String procedureCode;

	@Column(name = "procedure_version", nullable = false)
	private int procedureVersion;

	@Embedded
	private Applicant applicant;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 10)
	private Channel channel;

	@Column(name = "form_data", nullable = false, length = 1000000)
	private String formData;

	@Column(name = "form_id", length = 100)
	private String formId;

	/** The national portal's code, for a dossier submitted there; null otherwise. */
	@Column(name = "portal_code", length = 60)
	private String portalCode;

	@Column(name = "form_version", length = 40)
	private String formVersion;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 30)
	private DossierStatus status;

	@Column(name = "receiving_unit", nullable = false, length = 40)
	private String receivingUnit;

	@Column(name = "processing_unit", nullable = false, length = 40)
	private String processingUnit;

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "warning_at")
	private Instant warningAt;

	@Column(name = "overdue_at")
	private Instant overdueAt;

	@Column(length = 10)
	private String verdict;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(name = "returned_at")
	private Instant returnedAt;

	@Enumerated(EnumType.STRING)
	@Column(length = 30)
	private DossierOutcome outcome;

	@Column(name = "lookup_secret_hash", nullable = false, length = 64)
	private String lookupSecretHash;

	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;

	@Column(name = "received_by", nullable = false, length = 60)
	private String receivedBy;

	@Version
	private long version;

	protected Dossier() {
	}

	Dossier(String code, String procedureCode, int procedureVersion, Applicant applicant, Channel channel,
			String formData, String receivingUnit, String processingUnit, Instant receivedAt, String receivedBy,
			String lookupSecretHash) {
		this.code = code;
		this.procedureCode = procedureCode;
		this.procedureVersion = procedureVersion;
		this.applicant = applicant;
		this.channel = channel;
		this.formData = formData;
		this.receivingUnit = receivingUnit;
		this.processingUnit = processingUnit;
		this.receivedAt = receivedAt;
		this.receivedBy = receivedBy;
		this.lookupSecretHash = lookupSecretHash;
		this.status = DossierStatus.RECEIVED;
	}

	/** The timeline entry of the receipt itself. */
	DossierEvent received() {
		return new DossierEvent(this, this.receivedAt, this.receivedBy, "RECEIVED", null, DossierStatus.RECEIVED,
				"Received at " + this.receivingUnit + " via " + this.channel);
	}

	/** The deadline ledger derived a new due date (null while the clock is stopped). */
	void schedule(Instant dueAt, Instant warningAt) {
		this.dueAt = dueAt;
		this.warningAt = warningAt;
	}

	/** The overdue timer fired; answers the timeline entry. */
	DossierEvent markOverdue(Instant at) {
		this.overdueAt = at;
		return note("OVERDUE", at, "system", "Due " + this.dueAt + " passed while " + this.status);
	}

	/** The verdict against the due date once the result is ready. */
	DossierEvent judge(String verdict, Instant at) {
		this.verdict = verdict;
		return note("VERDICT", at, "system", verdict);
	}

	/** The form (id and version) the form data was validated against. */
	void submittedWith(String formId, String formVersion) {
		this.formId = formId;
		this.formVersion = formVersion;
	}

	void handedOverAs(String portalCode) {
		if (this.portalCode != null && !this.portalCode.equals(portalCode)) {
			throw new IllegalStateException("Dossier " + this.code + " came from the portal as " + this.portalCode);
		}
		this.portalCode = portalCode;
	}

	String portalCode() {
		return this.portalCode;
	}

	String formId() {
		return this.formId;
	}

	String formVersion() {
		return this.formVersion;
	}

	void attachProcess(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/**
	 * The process reached a step that puts the dossier into {@code next}. Sets the
	 * completion and return times and the outcome where the status implies them.
	 */
	DossierEvent moveTo(DossierStatus next, Instant at, String actor, String detail) {
		DossierStatus previous = this.status;
		if (previous.isFinal()) {
			throw new IllegalStateException("Dossier " + this.code + " is " + previous + " and cannot become " + next);
		}
		this.status = next;
		switch (next) {
			case APPROVED -> this.outcome = DossierOutcome.APPROVED;
			case REJECTED -> this.outcome = DossierOutcome.REJECTED;
			case RESULT_READY -> this.completedAt = at;
			case RETURNED -> this.returnedAt = at;
			case WITHDRAWN -> finish(DossierOutcome.WITHDRAWN, at);
			case RETURNED_UNPROCESSED -> finish(DossierOutcome.RETURNED_UNPROCESSED, at);
			default -> {
			}
		}
		return new DossierEvent(this, at, actor, "STATUS_CHANGED", previous, next, detail);
	}

	/** A note on the timeline that does not change the status. */
	DossierEvent note(String type, Instant at, String actor, String detail) {
		return new DossierEvent(this, at, actor, type, this.status, this.status, detail);
	}

	private void finish(DossierOutcome outcome, Instant at) {
		this.outcome = outcome;
		this.completedAt = at;
		this.returnedAt = at;
	}

	Long id() {
		return this.id;
	}

	String code() {
		return this.code;
	}

	String procedureCode() {
		return this.procedureCode;
	}

	int procedureVersion() {
		return this.procedureVersion;
	}

	Applicant applicant() {
		return this.applicant;
	}

	Channel channel() {
		return this.channel;
	}

	String formData() {
		return this.formData;
	}

	DossierStatus status() {
		return this.status;
	}

	String receivingUnit() {
		return this.receivingUnit;
	}

	String processingUnit() {
		return this.processingUnit;
	}

	Instant receivedAt() {
		return this.receivedAt;
	}

	Instant dueAt() {
		return this.dueAt;
	}

	Instant warningAt() {
		return this.warningAt;
	}

	Instant overdueAt() {
		return this.overdueAt;
	}

	String verdict() {
		return this.verdict;
	}

	boolean isCompleted() {
		return this.completedAt != null;
	}

	Instant completedAt() {
		return this.completedAt;
	}

	Instant returnedAt() {
		return this.returnedAt;
	}

	DossierOutcome outcome() {
		return this.outcome;
	}

	String lookupSecretHash() {
		return this.lookupSecretHash;
	}

	String processInstanceId() {
		return this.processInstanceId;
	}

	String receivedBy() {
		return this.receivedBy;
	}

	long version() {
		return this.version;
	}

}
