package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.documents.CheckedFiles.Staged;
import io.motcua.app.documents.DocumentStore.StoredContent;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;

/**
 * The public face of the documents feature: attaches checked files to dossiers (content
 * first, then the row that points to it), stores what the office issues, lists and serves
 * documents within the caller's scope. Every upload, issue and download is written to the
 * dossier's timeline.
 */
@Service
public class DocumentService {

	private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

	private final DocumentRepository documents;

	private final DocumentStore store;

	private final DocumentChecks checks;

	private final DossierService dossiers;

	private final StaffDirectory directory;

	private final Clock clock;

	private final TransactionTemplate transactions;

	DocumentService(DocumentRepository documents, DocumentStore store, DocumentChecks checks, DossierService dossiers,
			StaffDirectory directory, Clock clock, TransactionTemplate transactions) {
		this.documents = documents;
		this.store = store;
		this.checks = checks;
		this.dossiers = dossiers;
		this.directory = directory;
		this.clock = clock;
		this.transactions = transactions;
	}

	/**
	 * Attaches checked files to a dossier: stores each content durably, then writes the
	 * row that points to it and notes the upload in the timeline; their text feeds the
	 * dossier search. A later file of the same document type becomes a new version of it.
	 * Runs in the caller's transaction: when it rolls back, the stored content stays
	 * behind without a row and the orphan sweep removes it.
	 */
	@Transactional
	public List<DocumentView> attach(String dossierCode, DocumentKind kind, CheckedFiles files) {
		String actor = this.directory.currentActor();
		Instant now = this.clock.instant();
		Map<String, Document> previous = new HashMap<>();
		for (String type : files.files().stream().map(Staged::documentType).collect(Collectors.toSet())) {
			this.documents.findFirstByDossierCodeAndDocumentTypeOrderByIdDesc(dossierCode, type)
				.ifPresent((document) -> previous.put(type, document));
		}
		List<DocumentView> views = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		for (Staged file : files.files()) {
			StoredContent content;
			try (InputStream in = Files.newInputStream(file.path())) {
				content = this.store.put(in);
			}
			catch (IOException ex) {
				throw storeFailure("Cannot store a document of dossier " + dossierCode, ex);
			}
			Document document = this.documents
				.save(new Document(dossierCode, kind, file.documentType(), file.fileName(), file.mediaType(),
						content.size(), content.sha256(), actor, now, previous.get(file.documentType())));
			this.dossiers.note(dossierCode, "DOCUMENT_UPLOADED", describe(document));
			if (file.text() != null && !file.text().isBlank()) {
				text.append((text.length() > 0) ? "\n" : "").append(file.text());
			}
			views.add(DocumentView.of(document));
		}
		this.dossiers.appendSearchText(dossierCode, text.toString());
		return views;
	}

	/**
	 * The applicant brings documents for a dossier after intake (a supplement).
	 * @throws ProblemException 404 when the caller may not see the dossier, 409 when it
	 * is finished, 422 when a file is refused
	 */
	public List<DocumentView> supplement(String dossierCode, List<IncomingFile> files) {
		DossierView dossier = this.dossiers.find(dossierCode);
		if (dossier.status().isFinal() || dossier.completedAt() != null) {
			throw ProblemException
				.conflict("Dossier " + dossierCode + " is " + dossier.status() + " and takes no more documents");
		}
		// Files are read outside the transaction: parsing must not hold a connection.
		try (CheckedFiles checked = this.checks.check(dossier.procedureCode(), files, dossierCode, false)) {
			return this.transactions.execute((status) -> attach(dossierCode, DocumentKind.SUPPLEMENT, checked));
		}
	}

	/**
	 * Stores a document the office issues (a result, a signed result) and notes it in the
	 * dossier's timeline. Runs in the caller's transaction.
	 * @param kind an issued kind ({@link DocumentKind#isIssued()})
	 * @param fileName the file name to serve it under
	 * @param pdf its content
	 */
	@Transactional
	public DocumentView issue(String dossierCode, DocumentKind kind, String fileName, byte[] pdf) {
		return issue(dossierCode, kind, fileName, pdf, null);
	}

	/**
	 * Stores an issued document once for {@code issuedFor}: a second call for the same
	 * reason answers the document issued the first time.
	 */
	DocumentView issue(String dossierCode, DocumentKind kind, String fileName, byte[] pdf, String issuedFor) {
		if (!kind.isIssued()) {
			throw new IllegalArgumentException(kind + " documents are brought by the applicant, not issued");
		}
		StoredContent content;
		try {
			content = this.store.put(new ByteArrayInputStream(pdf));
		}
		catch (IOException ex) {
			throw storeFailure("Cannot store the " + kind + " of dossier " + dossierCode, ex);
		}
		Document previous = this.documents.findFirstByDossierCodeAndDocumentTypeOrderByIdDesc(dossierCode, kind.name())
			.orElse(null);
		Document document = this.documents.save(new Document(dossierCode, kind, kind.name(),
				DocumentChecks.safeFileName(fileName, kind.name().toLowerCase() + ".pdf"), "application/pdf",
				content.size(), content.sha256(), this.directory.currentActor(), this.clock.instant(), previous)
			.issuedFor(issuedFor));
		this.dossiers.note(dossierCode, "DOCUMENT_ISSUED", describe(document));
		log.info("Issued {} of dossier {} as document {}", kind, dossierCode, document.id());
		return DocumentView.of(document);
	}

	/** The document issued for {@code issuedFor}, if it was. */
	Optional<DocumentView> issuedFor(String dossierCode, DocumentKind kind, String issuedFor) {
		return this.documents.findByDossierCodeAndDocumentTypeAndIssuedFor(dossierCode, kind.name(), issuedFor)
			.map(DocumentView::of);
	}

	/** Documents of a dossier the caller may see, oldest first. */
	@Transactional(readOnly = true)
	public List<DocumentView> list(String dossierCode) {
		this.dossiers.find(dossierCode);
		return this.documents.findByDossierCodeOrderByIdAsc(dossierCode).stream().map(DocumentView::of).toList();
	}

	/**
	 * Documents of a dossier, whoever asks: for letters and jobs that act for the office.
	 */
	List<DocumentView> documentsOf(String dossierCode) {
		return this.documents.findByDossierCodeOrderByIdAsc(dossierCode).stream().map(DocumentView::of).toList();
	}

	/**
	 * One document's content, checked against its hash before it is served; the download
	 * is noted in the timeline.
	 * @throws ProblemException 404 when the caller may not see the dossier or the
	 * document
	 * @throws DocumentCorruptedException when the stored content is damaged or missing
	 */
	@Transactional
	public Download download(String dossierCode, long id) {
		this.dossiers.find(dossierCode);
		Document document = this.documents.findByIdAndDossierCode(id, dossierCode)
			.orElseThrow(() -> ProblemException.notFound("No document " + id + " in dossier " + dossierCode));
		verify(document);
		this.dossiers.note(dossierCode, "DOCUMENT_DOWNLOADED", describe(document));
		String sha256 = document.sha256();
		return new Download(DocumentView.of(document), () -> this.store.get(sha256));
	}

	/**
	 * The latest document of a kind the office issued for a dossier, whoever asks (engine
	 * jobs).
	 */
	@Transactional(readOnly = true)
	public Optional<DocumentView> latestIssued(String dossierCode, DocumentKind kind) {
		return this.documents.findFirstByDossierCodeAndDocumentTypeOrderByIdDesc(dossierCode, kind.name())
			.map(DocumentView::of);
	}

	/**
	 * The stored bytes of a document, checked against its hash; for engine jobs (no
	 * caller).
	 */
	public byte[] storedContent(DocumentView document) {
		try (InputStream in = this.store.get(document.sha256())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void verify(Document document) {
		try (InputStream in = this.store.get(document.sha256())) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (NoSuchFileException ex) {
			throw new DocumentCorruptedException(document.sha256(), "nothing: the stored file is missing");
		}
		catch (IOException ex) {
			throw storeFailure("Cannot read stored document " + document.sha256(), ex);
		}
	}

	/**
	 * A store that does not answer is an outage (503, try again; the transaction rolls
	 * back, so nothing is half-stored); anything else is a failure of ours.
	 */
	private static RuntimeException storeFailure(String what, IOException ex) {
		if (ex instanceof DocumentStoreUnavailableException) {
			log.warn("{}: {}", what, ex.getMessage());
			return new ProblemException(ProblemKind.SERVICE_UNAVAILABLE,
					"The document store cannot be reached; nothing was changed, try again in a few minutes");
		}
		return new UncheckedIOException(what, ex);
	}

	private static String describe(Document document) {
		return document.kind() + " " + document.documentType() + " v" + document.documentVersion() + " #"
				+ document.id() + ": " + document.originalName() + " (" + document.mediaType() + ", " + document.size()
				+ " bytes)";
	}

	/**
	 * A document to serve.
	 *
	 * @param document what it is
	 * @param content opens its bytes (checked against the hash as they are read)
	 */
	public record Download(DocumentView document, IncomingFile.Content content) {

		/**
		 * The answer that serves it: as an attachment under its own media type, which the
		 * browser neither sniffs, nor caches, nor runs.
		 */
		public ResponseEntity<InputStreamResource> asAttachment() {
			try {
				return ResponseEntity.ok()
					.contentType(MediaType.parseMediaType(this.document.mediaType()))
					.contentLength(this.document.size())
					.header(HttpHeaders.CONTENT_DISPOSITION,
							ContentDisposition.attachment()
								.filename(this.document.fileName(), StandardCharsets.UTF_8)
								.build()
								.toString())
					.header("X-Content-Type-Options", "nosniff")
					.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
					.header("Content-Security-Policy", "default-src 'none'; sandbox")
					.body(new InputStreamResource(this.content.open()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
