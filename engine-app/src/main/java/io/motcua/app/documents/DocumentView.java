package io.motcua.app.documents;

import java.time.Instant;

/**
 * A document of a dossier as the API shows it.
 *
 * @param id the document's id
 * @param dossierCode its dossier
 * @param kind why it belongs to the dossier
 * @param documentType the procedure's document type code (the kind's name for issued
 * documents)
 * @param fileName original (or generated) file name
 * @param mediaType media type detected from its bytes
 * @param size size in bytes
 * @param sha256 SHA-256 of its content
 * @param uploadedBy who brought or issued it
 * @param uploadedAt when
 * @param version 1 for the first document of its type, then counting up
 * @param supersedesId the document this version replaces, null for the first
 * @param contentUrl where to download it
 */
public record DocumentView(Long id, String dossierCode, DocumentKind kind, String documentType, String fileName,
		String mediaType, long size, String sha256, String uploadedBy, Instant uploadedAt, int version,
		Long supersedesId, String contentUrl) {

	static DocumentView of(Document document) {
		return new DocumentView(document.id(), document.dossierCode(), document.kind(), document.documentType(),
				document.originalName(), document.mediaType(), document.size(), document.sha256(),
				document.uploadedBy(), document.uploadedAt(), document.documentVersion(), document.supersedesId(),
				"/api/v1/dossiers/" + document.dossierCode() + "/documents/" + document.id() + "/content");
	}

}
