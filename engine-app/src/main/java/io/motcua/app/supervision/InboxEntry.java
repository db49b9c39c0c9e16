package io.motcua.app.supervision;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One notification for one member of staff.
 */
@Entity
@Table(name = "inbox_entry")
class InboxEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 60)
	private String recipient;

	@Column(name = "dossier_code", nullable = false, length = 60)
	private String dossierCode;

	@Column(nullable = false, length = 30)
	private String kind;

	@Column(nullable = false, length = 1000)
	private String message;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "read_at")
	private Instant readAt;

	protected InboxEntry() {
	}

	InboxEntry(String recipient, String dossierCode, String kind, String message, Instant createdAt) {
		this.recipient = recipient;
		this.dossierCode = dossierCode;
		this.kind = kind;
		this.message = message;
		this.createdAt = createdAt;
	}

	void markRead(Instant at) {
		if (this.readAt == null) {
			this.readAt = at;
		}
	}

	Long id() {
		return this.id;
	}

	String recipient() {
		return this.recipient;
	}

	String dossierCode() {
		return this.dossierCode;
	}

	String kind() {
		return this.kind;
	}

	String message() {
		return this.message;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant readAt() {
		return this.readAt;
	}

}
