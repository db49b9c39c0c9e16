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

/**
 * One entry of a dossier's timeline: who did what when, and the status before and after.
 * Rows are only ever added.
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
		this.at = at;
		this.actor = actor;
		this.type = type;
		this.fromStatus = fromStatus;
		this.toStatus = toStatus;
		this.detail = (detail != null && detail.length() > 2000) ? detail.substring(0, 2000) : detail;
	}

	Long id() {
		return this.id;
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
