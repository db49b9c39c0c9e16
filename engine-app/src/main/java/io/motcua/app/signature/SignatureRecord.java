package io.motcua.app.signature;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.motcua.app.audit.AuditDigest;

/**
 * One signature applied to a dossier's result, kept with the document it produced;
 * chained in the dossier's audit chain with the hash of its content ({@link #digest}). A
 * signature on a result that did not verify is set aside when the dossier goes back to
 * signing: kept for the record, no longer the result's (the set-aside time is not part of
 * the hash: the timeline's own entry records it).
 */
@Entity
@Table(name = "result_signature")
class SignatureRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "dossier_code", nullable = false, length = 60)
	private String dossierCode;

	@Column(name = "document_id", nullable = false)
	private Long documentId;

	@Column(nullable = false, length = 20)
	private String role;

	@Column(name = "signer_subject", nullable = false, length = 500)
	private String signerSubject;

	@Column(name = "certificate_serial", nullable = false, length = 100)
	private String certificateSerial;

	@Column(name = "signature_level", nullable = false, length = 30)
	private String level;

	@Column(name = "signed_at", nullable = false)
	private Instant signedAt;

	@Column(name = "signed_by", nullable = false, length = 60)
	private String signedBy;

	@Column(name = "voided_at")
	private Instant voidedAt;

	protected SignatureRecord() {
	}

	SignatureRecord(String dossierCode, Long documentId, String role, String signerSubject, String certificateSerial,
			String level, Instant signedAt, String signedBy) {
		this.dossierCode = dossierCode;
		this.documentId = documentId;
		this.role = role;
		this.signerSubject = signerSubject;
		this.certificateSerial = certificateSerial;
		this.level = level;
		this.signedAt = AuditDigest.stored(signedAt);
		this.signedBy = signedBy;
	}

	Long id() {
		return this.id;
	}

	/** The hash of this row's content, as {@link SignatureRows} hashes it read back. */
	String digest() {
		return digest(this.id, this.dossierCode, this.documentId, this.role, this.signerSubject, this.certificateSerial,
				this.level, this.signedAt, this.signedBy);
	}

	static String digest(Long id, String dossierCode, Long documentId, String role, String signerSubject,
			String certificateSerial, String level, Instant signedAt, String signedBy) {
		return AuditDigest.of(id, dossierCode, documentId, role, signerSubject, certificateSerial, level, signedAt,
				signedBy);
	}

	/** The signature no longer stands for the result (the dossier is signed again). */
	void setAside(Instant at) {
		if (this.voidedAt == null) {
			this.voidedAt = at;
		}
	}

	boolean isCurrent() {
		return this.voidedAt == null;
	}

	String role() {
		return this.role;
	}

	SignatureView view() {
		return new SignatureView(this.dossierCode, this.documentId, this.role, this.signerSubject,
				this.certificateSerial, this.level, this.signedAt, this.signedBy, this.voidedAt);
	}

}
