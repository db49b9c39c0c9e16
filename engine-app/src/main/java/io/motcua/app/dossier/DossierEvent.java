package io.motcua.app.dossier;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.motcua.app.audit.AuditDigest;

/**
 * One entry of a dossier's timeline: who did what when, and the status before and after.
 * Rows are only ever added; each is chained in the audit trail with the hash of its
 * content ({@link #digest}), so a row edited in the database shows.
 */
@Entity
@Table(name = "dossier_event")
class DossierEvent {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "dossier_id")
	private Dossier dossier;

	@Column(nullable = false)
	private Instant at;

	@Column(nullable = false, length = 60)
	private String actor;

	@Column(nullable = false, length = 40)
	private String type;

	@Enumerated(EnumType.STRING)
	@Column(name = "from_status", length = 30)
	private DossierStatus fromStatus;

	@Enumerated(EnumType.STRING)
	@Column(name = "to_status", length = 30)
	private DossierStatus toStatus;

	@Column(length = 2000)
	private String detail;

	protected DossierEvent() {
	}

	DossierEvent(Dossier dossier, Instant at, String actor, String type, DossierStatus fromStatus,
			DossierStatus toStatus, String detail) {
		this.dossier = dossier;
		this.at = AuditDigest.stored(at);
		this.actor = actor;
		this.type = type;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.detail = (detail != null && detail.length() > 2000) ? detail.substring(0, 2000) : detail;
	}

	Long id() {
		return this.id;
	}

	/** The hash of this row's content, as {@link TimelineRows} hashes it read back. */
	String digest() {
		return digest(this.id, this.dossier.id(), this.at, this.actor, this.type, this.fromStatus, this.toStatus,
				this.detail);
	}

	/**
	 * The hash of a row's content; the statuses by name, as stored, so that a row edited
	 * to a status the application does not know still hashes (and differs).
	 */
	static String digest(Long id, Long dossierId, Instant at, String actor, String type, Object fromStatus,
			Object toStatus, String detail) {
		return AuditDigest.of(id, dossierId, at, actor, type, fromStatus, toStatus, detail);
	}

	Instant at() {
		return this.at;
	}

	String actor() {
		return this.actor;
	}

	String type() {
		return this.type;
	}

	DossierStatus fromStatus() {
		return this.fromStatus;
	}

	DossierStatus toStatus() {
		return this.toStatus;
	}

	String detail() {
		return this.detail;
	}

}
