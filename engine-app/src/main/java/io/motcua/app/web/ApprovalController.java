package io.motcua.app.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.TaskView;
import io.motcua.processes.DossierLifecycle;

/**
 * The approver's list: dossiers waiting for approval or signature, each opening the one
 * screen where the approver reads, decides and signs; and batch approval (APPROVE on the
 * selected approval steps, SIGN on the selected signing steps).
 */
@Controller
class ApprovalController {

	private static final Set<String> KEYS = Set.of(DossierLifecycle.TASK_APPROVE_DOSSIER,
			DossierLifecycle.TASK_SIGN_RESULT);

	private final DossierTasks tasks;

	ApprovalController(DossierTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/approvals")
	String approvals(Model model) {
		List<TaskView> waiting = this.tasks.worklist(null, 0, 200)
			.items()
			.stream()
			.filter((task) -> KEYS.contains(task.taskKey()))
			.sorted(Comparator.comparing(TaskView::dueAt, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
		model.addAttribute("tasks", waiting);
		return "approvals";
	}

	@PostMapping("/approvals/batch")
	String batch(@RequestParam(name = "task", required = false) List<String> taskIds,
			@RequestParam(required = false) String comment, RedirectAttributes redirect) {
		List<String> failures = new ArrayList<>();
		int done = 0;
		for (String id : (taskIds != null) ? taskIds : List.<String>of()) {
			try {
				TaskView task = this.tasks.find(id);
				String outcome = DossierLifecycle.TASK_SIGN_RESULT.equals(task.taskKey())
						? DossierLifecycle.OUTCOME_SIGN : DossierLifecycle.OUTCOME_APPROVE;
				this.tasks.complete(id, outcome, WorklistController.blankToNull(comment), Map.of());
				done++;
			}
			catch (ProblemException ex) {
				failures.add(id + ": " + ex.getMessage());
			}
		}
		redirect.addFlashAttribute("notice", "notice.batch");
		redirect.addFlashAttribute("noticeArg", done);
		if (!failures.isEmpty()) {
			redirect.addFlashAttribute("error", String.join("; ", failures));
		}
		return "redirect:/approvals";
	}

}
