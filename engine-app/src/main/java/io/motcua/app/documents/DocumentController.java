package io.motcua.app.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.motcua.app.system.ProblemKind;
import io.motcua.app.system.Problems;

/**
 * {@code /api/v1/dossiers/{code}/documents}: list a dossier's documents, download one,
 * upload more (a supplement) as {@code multipart/form-data} with one part per file named
 * by its document type code; and {@code /api/v1/dossiers/{code}/receipt}.
 */
@RestController
class DocumentController {

	private static final Logger log = LoggerFactory.getLogger(DocumentController.class);

	private final DocumentService documents;

	private final Receipts receipts;

	DocumentController(DocumentService documents, Receipts receipts) {
		this.documents = documents;
		this.receipts = receipts;
	}

	@GetMapping("/api/v1/dossiers/{code}/documents")
	List<DocumentView> list(@PathVariable String code) {
		return this.documents.list(code);
	}

	@PostMapping(path = "/api/v1/dossiers/{code}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasAnyRole('CLERK', 'SPECIALIST')")
	ResponseEntity<List<DocumentView>> upload(@PathVariable String code, MultipartHttpServletRequest request) {
		List<DocumentView> added = this.documents.supplement(code, incoming(request.getMultiFileMap()));
		return ResponseEntity.status(201).body(added);
	}

	@GetMapping("/api/v1/dossiers/{code}/documents/{id}/content")
	ResponseEntity<InputStreamResource> content(@PathVariable String code, @PathVariable long id) {
		return this.documents.download(code, id).asAttachment();
	}

	/**
	 * The dossier's receipt (Form 01), printed now if it is not yet: the clerk's page may
	 * ask for it a moment after intake, before the reaction that prints it has run.
	 */
	@GetMapping("/api/v1/dossiers/{code}/receipt")
	ResponseEntity<InputStreamResource> receipt(@PathVariable String code) {
		return this.receipts.download(code).asAttachment();
	}

	@ExceptionHandler(DocumentCorruptedException.class)
	ResponseEntity<ProblemDetail> corrupted(DocumentCorruptedException ex) {
		log.error("Integrity check failed, restore this content from backup: {}", ex.getMessage());
		ProblemDetail problem = Problems.of(ProblemKind.INTERNAL_ERROR,
				"The stored document is damaged and cannot be served; the operators have been told");
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	/** Multipart parts as incoming files; parts without a file are ignored. */
	static List<IncomingFile> incoming(Map<String, List<MultipartFile>> parts) {
		List<IncomingFile> files = new ArrayList<>();
		parts.forEach((name, list) -> list
			.forEach((file) -> files.add(new IncomingFile(name, file.getOriginalFilename(), file::getInputStream))));
		return files;
	}

}
