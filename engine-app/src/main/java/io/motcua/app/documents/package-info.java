/**
 * Documents of a dossier: the applicant's files (checked with Apache Tika, PDFBox and
 * their own headers before anything is stored: nothing active, no bombs, no polyglots),
 * the documents the office issues (receipt, supplement request, refusal) as PDFs with an
 * embedded Vietnamese font, their metadata, and the content-addressed
 * {@link io.motcua.app.documents.DocumentStore} that holds the bytes. Owns the
 * {@code document} table and the files under {@code motcua.documents.storage-dir}.
 */
package io.motcua.app.documents;
