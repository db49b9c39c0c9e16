package io.motcua.app.operations;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.operations.Incidents.Overview;
import io.motcua.app.workflow.FailedJobs.FailedJob;

/**
 * {@code /api/v1/admin/incidents}: everything that failed and waits for an administrator
 * (failed jobs of the engine, reactions after commit, outbound deliveries given up, stuck
 * dossiers), and running a failed job again. Reactions and deliveries are run again where
 * they are owned: {@code /api/v1/admin/reactions/{id}/retry} and
 * {@code /api/v1/admin/destinations/{id}/deliveries/{deliveryId}/redelivery}.
 */
@RestController
@RequestMapping("/api/v1/admin/incidents")
@PreAuthorize("hasRole('ADMIN')")
class IncidentController {

	private final Incidents incidents;

	IncidentController(Incidents incidents) {
		this.incidents = incidents;
	}

	@GetMapping
	Overview overview() {
		return this.incidents.overview();
	}

	/**
	 * 202: the job runs again at once (answered as it was before); 404 when it has not
	 * failed (it may have run meanwhile).
	 */
	@PostMapping("/{id}/retry")
	ResponseEntity<FailedJob> retry(@PathVariable String id) {
		return ResponseEntity.accepted().body(this.incidents.retryJob(id));
	}

}
