package io.motcua.app.intake;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.dossier.DossierViews.ReceivedDossier;

/**
 * {@code POST /api/v1/dossiers}: a clerk receives a dossier.
 */
@RestController
@RequestMapping("/api/v1/dossiers")
class IntakeController {

	private final IntakeService intake;

	IntakeController(IntakeService intake) {
		this.intake = intake;
	}

	@PostMapping
	@PreAuthorize("hasRole('CLERK')")
	ResponseEntity<ReceivedDossier> receive(@Valid @RequestBody IntakeRequest request) {
		ReceivedDossier received = this.intake.receive(request);
		return ResponseEntity.created(URI.create("/api/v1/dossiers/" + received.code())).body(received);
	}

}
