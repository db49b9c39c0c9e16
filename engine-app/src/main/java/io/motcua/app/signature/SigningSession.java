package io.motcua.app.signature;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A two-step signature in progress: the prepared document (in the signing library's
 * opaque handle) waits for the signature value computed by the approver's token.
 */
@Entity
@Table(name = "signing_session")
class SigningSession {

	@Id
	@Column(length = 36)
	private String id;

	@Column(name = "task_id", nullable = false, length = 64)
	private String taskId;

	@Column(name = "dossier_code", nullable = false, length = 60)
	private String dossierCode;

	@Column(nullable = false, length = 1000000)
	private String handle;

	@Column(name = "certificate_chain", nullable = false, length = 100000)
	private String certificateChain;

	@Column(name = "created_by", nullable = false, length = 60)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "expires_at", nullable = false)
	private Instant expiresAt;

	@Column(name = "completed_at")
	private Instant completedAt;

	protected SigningSession() {
	}

	SigningSession(String id, String taskId, String dossierCode, String handle, String certificateChain,
			String createdBy, Instant createdAt, Instant expiresAt) {
		this.id = id;
		this.taskId = taskId;
		this.dossierCode = dossierCode;
		this.handle = handle;
		this.certificateChain = certificateChain;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
		this.expiresAt = expiresAt;
	}

	void complete(Instant at) {
		this.completedAt = at;
	}

	String id() {
		return this.id;
	}

	String taskId() {
		return this.taskId;
	}

	String dossierCode() {
		return this.dossierCode;
	}

	String handle() {
		return this.handle;
	}

	String certificateChain() {
		return this.certificateChain;
	}

	String createdBy() {
		return this.createdBy;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	Instant completedAt() {
		return this.completedAt;
	}

}
