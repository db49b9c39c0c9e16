package io.motcua.app.workflow;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.system.PageView;

/**
 * The caller's worklist and the actions on a step.
 */
@RestController
@Validated
@RequestMapping("/api/v1/tasks")
class TaskController {

	private final DossierTasks tasks;

	TaskController(DossierTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping
	PageView<TaskView> worklist(@RequestParam(required = false) String dossier,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.tasks.worklist(dossier, page, size);
	}

	@GetMapping("/{id}")
	TaskView get(@PathVariable String id) {
		return this.tasks.find(id);
	}

	@PostMapping("/{id}/claim")
	TaskView claim(@PathVariable String id) {
		return this.tasks.claim(id);
	}

	@PostMapping("/{id}/assignee")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	TaskView reassign(@PathVariable String id, @Valid @RequestBody ReassignRequest request) {
		return this.tasks.reassign(id, request.username());
	}

	@PostMapping("/{id}/complete")
	ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody CompleteTaskRequest request) {
		this.tasks.complete(id, request.outcome(), request.comment(), request.formData(), Map.of());
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new holder for a step.
	 *
	 * @param username member of staff of the step's unit with the step's role
	 */
	record ReassignRequest(@NotBlank String username) {
	}

	/**
	 * Completion of a step.
	 *
	 * @param outcome one of the step's outcomes
	 * @param comment free text for the dossier's timeline
	 * @param formData data of the step's own form (review findings, approval remarks),
	 * validated against it; may be omitted
	 */
	record CompleteTaskRequest(@NotBlank String outcome, @Size(max = 2000) String comment, JsonNode formData) {
	}

}
