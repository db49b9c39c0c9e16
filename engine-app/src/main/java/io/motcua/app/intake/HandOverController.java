package io.motcua.app.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import io.motcua.app.documents.IncomingFile;
import io.motcua.app.intake.HandOvers.HandOver;

/**
 * {@code /api/v1/hand-overs}: the national portal (a machine client with scope
 * {@code dossiers:submit}) hands over a dossier submitted there, as
 * {@code multipart/form-data}: part {@code application} (the JSON application, channel
 * ONLINE), part {@code portalCode}, optionally part {@code unit} (the receiving unit's
 * code), and one file part per document, named by its document type code; header
 * {@code Idempotency-Key}. 201 for a new dossier, 200 with {@code replayed: true} for a
 * retry of the same request.
 */
@RestController
@RequestMapping("/api/v1/hand-overs")
@PreAuthorize("hasAuthority('SCOPE_dossiers:submit')")
class HandOverController {

	private static final Set<String> FIELDS = Set.of(MultipartIntakeController.APPLICATION_PART, "portalCode", "unit");

	private final HandOvers handOvers;

	HandOverController(HandOvers handOvers) {
		this.handOvers = handOvers;
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<HandOver> handOver(@RequestHeader(name = "Idempotency-Key", required = false) String key,
			MultipartHttpServletRequest request) {
		String application = request.getParameter(MultipartIntakeController.APPLICATION_PART);
		List<IncomingFile> files = new ArrayList<>();
		for (var entry : request.getMultiFileMap().entrySet()) {
			for (MultipartFile file : entry.getValue()) {
				if (MultipartIntakeController.APPLICATION_PART.equals(entry.getKey())) {
					application = read(file);
				}
				else if (!FIELDS.contains(entry.getKey())) {
					files.add(new IncomingFile(entry.getKey(), file.getOriginalFilename(), file::getInputStream));
				}
			}
		}
		HandOver handOver = this.handOvers.handOver(key, request.getParameter("portalCode"),
				request.getParameter("unit"), application, files);
		if (handOver.replayed()) {
			return ResponseEntity.ok(handOver);
		}
		return ResponseEntity.created(URI.create("/api/v1/hand-overs/" + handOver.portalCode())).body(handOver);
	}

	@GetMapping("/{portalCode}")
	HandOver find(@PathVariable String portalCode) {
		return this.handOvers.find(portalCode);
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
