package io.motcua.app.sla;

import java.time.Instant;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A dossier's deadline, explained, and its extensions.
 */
@RestController
@RequestMapping("/api/v1/dossiers/{code}")
class DeadlineController {

	private final DeadlineService deadlines;

	DeadlineController(DeadlineService deadlines) {
		this.deadlines = deadlines;
	}

	@GetMapping("/deadline")
	DeadlineView deadline(@PathVariable String code) {
		return this.deadlines.view(code);
	}

	@PostMapping("/extensions")
	@ResponseStatus(HttpStatus.CREATED)
	@PreAuthorize("hasAnyRole('SPECIALIST', 'APPROVER')")
	DeadlineView extend(@PathVariable String code, @Valid @RequestBody ExtensionRequest request) {
		return this.deadlines.extend(code, request.appointment(), request.reason());
	}

	/**
	 * An extension: the data of the apology letter (Form 04).
	 *
	 * @param appointment the new appointment with the applicant
	 * @param reason why the dossier will be late
	 */
	record ExtensionRequest(@NotNull Instant appointment, @NotBlank @Size(max = 2000) String reason) {
	}

}
