package io.motcua.app.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.motcua.app.documents.IncomingFile;
import io.motcua.app.intake.DocumentedIntake.DocumentedDossier;

/**
 * {@code POST /api/v1/dossiers} as {@code multipart/form-data}: a clerk receives a
 * dossier with its documents. Part {@code application} is the JSON application (as for
 * the JSON intake); every other part is a file named by its document type code (e.g.
 * {@code GIAY_DE_NGHI}). Answers 201 with the dossier, its documents and the receipt's
 * URL.
 */
@RestController
@RequestMapping("/api/v1/dossiers")
class MultipartIntakeController {

	static final String APPLICATION_PART = "application";

	private final DocumentedIntake intake;

	MultipartIntakeController(DocumentedIntake intake) {
		this.intake = intake;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@PreAuthorize("hasRole('CLERK')")
	ResponseEntity<DocumentedDossier> receive(MultipartHttpServletRequest request) {
		String application = request.getParameter(APPLICATION_PART);
		List<IncomingFile> files = new ArrayList<>();
		for (var entry : request.getMultiFileMap().entrySet()) {
			for (MultipartFile file : entry.getValue()) {
				if (APPLICATION_PART.equals(entry.getKey())) {
					// The application sent as a file part (curl -F
					// 'application=@a.json').
					application = read(file);
				}
				else {
					files.add(new IncomingFile(entry.getKey(), file.getOriginalFilename(), file::getInputStream));
				}
			}
		}
		DocumentedDossier received = this.intake.receive(application, files);
		return ResponseEntity.created(URI.create("/api/v1/dossiers/" + received.code())).body(received);
	}

	private static String read(MultipartFile file) {
		try {
			return new String(file.getBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
