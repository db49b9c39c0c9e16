package io.motcua.app.documents;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One document of a dossier: metadata only, the bytes are in the {@link DocumentStore}
 * under {@link #sha256()}. A later upload of the same document type is a new version that
 * supersedes the previous one; nothing is overwritten.
 */
@Entity
@Table(name = "document")
class Document {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "dossier_code", nullable = false, updatable = false)
	private String dossierCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, updatable = false)
	private DocumentKind kind;

	@Column(name = "document_type", updatable = false)
	private String documentType;

	@Column(name = "original_name", nullable = false, updatable = false)
	private String originalName;

	@Column(name = "media_type", nullable = false, updatable = false)
	private String mediaType;

	@Column(name = "size_bytes", nullable = false, updatable = false)
	private long size;

	@Column(nullable = false, updatable = false)
	private String sha256;

	@Column(name = "uploaded_by", nullable = false, updatable = false)
	private String uploadedBy;

	@Column(name = "uploaded_at", nullable = false, updatable = false)
	private Instant uploadedAt;

	@Column(name = "doc_version", nullable = false, updatable = false)
	private int documentVersion;

	@Column(name = "supersedes_id", updatable = false)
	private Long supersedesId;

	@Column(name = "issued_for", length = 80, updatable = false)
	private String issuedFor;

	@Version
	@Column(name = "row_version", nullable = false)
	private long rowVersion;

	Document(String dossierCode, DocumentKind kind, String documentType, String originalName, String mediaType,
			long size, String sha256, String uploadedBy, Instant uploadedAt, Document previous) {
		this.dossierCode = dossierCode;
		this.kind = kind;
		this.documentType = documentType;
		this.originalName = originalName;
		this.mediaType = mediaType;
		this.size = size;
		this.sha256 = sha256;
		this.uploadedBy = uploadedBy;
		this.uploadedAt = uploadedAt;
		this.documentVersion = (previous != null) ? previous.documentVersion + 1 : 1;
		this.supersedesId = (previous != null) ? previous.id : null;
	}

	/**
	 * Marks an issued document with what it was issued for, so that it is issued once.
	 */
	Document issuedFor(String reason) {
		this.issuedFor = reason;
		return this;
	}

	protected Document() {
	}

	Long id() {
		return this.id;
	}

	String dossierCode() {
		return this.dossierCode;
	}

	DocumentKind kind() {
		return this.kind;
	}

	String documentType() {
		return this.documentType;
	}

	String originalName() {
		return this.originalName;
	}

	String mediaType() {
		return this.mediaType;
	}

	long size() {
		return this.size;
	}

	String sha256() {
		return this.sha256;
	}

	String uploadedBy() {
		return this.uploadedBy;
	}

	Instant uploadedAt() {
		return this.uploadedAt;
	}

	int documentVersion() {
		return this.documentVersion;
	}

	Long supersedesId() {
		return this.supersedesId;
	}

}
