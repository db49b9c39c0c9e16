package io.motcua.app.operations;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.operations.Reactions.PendingReaction;
import io.motcua.app.system.ProblemException;

/**
 * {@code /api/v1/admin/reactions}: the reactions after commit that have not run, and
 * running one again at once.
 */
@RestController
@RequestMapping("/api/v1/admin/reactions")
@PreAuthorize("hasRole('ADMIN')")
class ReactionController {

	private final Reactions reactions;

	ReactionController(Reactions reactions) {
		this.reactions = reactions;
	}

	@GetMapping
	List<PendingReaction> pending() {
		return this.reactions.pending();
	}

	/**
	 * 202 when the reaction runs again; 404 when it is not pending (it has run, or never
	 * existed).
	 */
	@PostMapping("/{id}/retry")
	ResponseEntity<Void> retry(@PathVariable UUID id) {
		if (!this.reactions.retry(id)) {
			throw ProblemException.notFound("No pending reaction " + id + "; it may have run meanwhile");
		}
		return ResponseEntity.accepted().build();
	}

}
