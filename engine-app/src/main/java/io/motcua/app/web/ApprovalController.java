package io.motcua.app.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.motcua.app.lifecycle.StepCompletion;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.StepDecision;
import io.motcua.app.workflow.StepKind;
import io.motcua.app.workflow.TaskView;

/**
 * The approver's list: dossiers waiting for approval or signature, each opening the one
 * screen where the approver reads, decides and signs; and batch approval (APPROVE on the
 * selected approval steps, SIGN on the selected signing steps).
 */
@Controller
class ApprovalController {

	private static final Set<StepKind> KINDS = Set.of(StepKind.APPROVAL, StepKind.SIGNING);

	private final DossierTasks tasks;

	private final StepCompletion completion;

	ApprovalController(DossierTasks tasks, StepCompletion completion) {
		this.tasks = tasks;
		this.completion = completion;
	}

	@GetMapping("/approvals")
	String approvals(Model model) {
		List<TaskView> waiting = this.tasks.worklist(null, 0, 200)
			.items()
			.stream()
			.filter((task) -> KINDS.contains(task.kind()))
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
				this.completion.complete(id,
						StepDecision.of(task.primaryOutcome(), WorklistController.blankToNull(comment)));
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
