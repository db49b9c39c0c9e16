package io.motcua.app.workflow;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.system.PageView;

/**
 * The caller's worklist, a step, and claiming it. Completing and handing over a step are
 * the lifecycle's ({@code io.motcua.app.lifecycle}): they move the dossier too.
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

}
