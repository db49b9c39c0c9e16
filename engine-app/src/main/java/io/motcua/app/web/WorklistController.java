package io.motcua.app.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.catalog.ProcedureForms;
import io.motcua.app.dossier.DossierQueries;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierViews.DossierFilter;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.dossier.DossierViews.PaperOriginal;
import io.motcua.app.lifecycle.SigningAgain;
import io.motcua.app.lifecycle.StepCompletion;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.sla.DeadlineService;
import io.motcua.app.sla.DeadlineView;
import io.motcua.app.system.PageView;
import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.FailedJobs;
import io.motcua.app.workflow.FailedJobs.FailedJob;
import io.motcua.app.workflow.StepDecision;
import io.motcua.app.workflow.StepKind;
import io.motcua.app.workflow.TaskView;
import io.motcua.forms.FormDefinition;

/**
 * The worklist (my steps and my groups' steps by deadline), the task screen with the
 * dossier, its steps, timeline and deadline, and the step's outcomes; the dossier list
 * and the dossier screen, which shows a stuck dossier as such and sends one whose result
 * did not verify back to signing.
 */
@Controller
class WorklistController {

	static final int PAGE_SIZE = 50;

	private final DossierTasks tasks;

	private final StepCompletion completion;

	private final DossierService dossiers;

	private final DossierQueries queries;

	private final DeadlineService deadlines;

	private final ProcedureCatalog catalog;

	private final StaffDirectory directory;

	private final ProcedureForms forms;

	private final FailedJobs failedJobs;

	private final SigningAgain signingAgain;

	WorklistController(DossierTasks tasks, StepCompletion completion, DossierService dossiers, DossierQueries queries,
			DeadlineService deadlines, ProcedureCatalog catalog, StaffDirectory directory, ProcedureForms forms,
			FailedJobs failedJobs, SigningAgain signingAgain) {
		this.failedJobs = failedJobs;
		this.signingAgain = signingAgain;
		this.queries = queries;
		this.completion = completion;
		this.forms = forms;
		this.tasks = tasks;
		this.dossiers = dossiers;
		this.deadlines = deadlines;
		this.catalog = catalog;
		this.directory = directory;
	}

	@GetMapping("/worklist")
	String worklist(@RequestParam(defaultValue = "all") String show, @RequestParam(required = false) String q,
			@RequestParam(defaultValue = "0") int page, Model model) {
		Caller caller = this.directory.currentCaller();
		PageView<TaskView> found = this.tasks.worklist(blankToNull(q), Math.max(page, 0), PAGE_SIZE);
		List<TaskView> items = found.items().stream().filter((task) -> switch (show) {
			case "mine" -> caller.username().equals(task.assignee());
			case "group" -> task.assignee() == null;
			default -> true;
		}).toList();
		model.addAttribute("tasks", items);
		model.addAttribute("page", found);
		model.addAttribute("show", show);
		model.addAttribute("q", q);
		return "worklist";
	}

	@PostMapping("/tasks/{id}/claim")
	String claim(@PathVariable String id, RedirectAttributes redirect) {
		this.tasks.claim(id);
		redirect.addFlashAttribute("notice", "notice.claimed");
		return "redirect:/tasks/" + id;
	}

	@GetMapping("/tasks/{id}")
	String task(@PathVariable String id, Model model) {
		TaskView task = this.tasks.find(id);
		dossierModel(task.dossierCode(), model);
		model.addAttribute("task", task);
		model.addAttribute("actionable", actionable(task));
		model.addAttribute("fields", stepFields(task, null, Map.of()));
		return "task";
	}

	/**
	 * The step's own form (review findings, approval remarks), empty when it has none.
	 */
	private List<FormFields.Field> stepFields(TaskView task, MultiValueMap<String, String> posted,
			Map<String, String> errors) {
		return stepForm(task).map((form) -> FormFields.render(form, posted, errors)).orElse(List.of());
	}

	private Optional<FormDefinition> stepForm(TaskView task) {
		return (task.formId() != null) ? this.forms.definition(task.formId()) : Optional.empty();
	}

	@PostMapping("/tasks/{id}/complete")
	String complete(@PathVariable String id, @RequestParam String outcome,
			@RequestParam(required = false) String comment, @RequestParam(required = false) String next,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		TaskView task = this.tasks.find(id);
		try {
			this.completion.complete(id, new StepDecision(outcome, blankToNull(comment),
					stepForm(task).map((form) -> (JsonNode) FormFields.read(form, params)).orElse(null)));
		}
		catch (ProblemException ex) {
			dossierModel(task.dossierCode(), model);
			model.addAttribute("task", task);
			model.addAttribute("actionable", actionable(task));
			model.addAttribute("fields", stepFields(task, params, WebModel.byField(ex)));
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("comment", comment);
			return "task";
		}
		redirect.addFlashAttribute("notice", "notice.completed");
		redirect.addFlashAttribute("noticeArg", task.dossierCode());
		// Approval is followed by signing: the approver goes on in the same screen.
		Optional<TaskView> following = nextStepForMe(task.dossierCode());
		if (following.isPresent()) {
			return "redirect:/tasks/" + following.get().id();
		}
		return "redirect:" + (("approvals".equals(next)) ? "/approvals" : "/worklist");
	}

	@GetMapping("/dossiers")
	String dossierList(@RequestParam(required = false) DossierStatus status,
			@RequestParam(required = false) String procedure, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("page",
				this.queries.list(new DossierFilter(status, blankToNull(procedure), overdue, blankToNull(q)),
						Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("statuses", DossierStatus.values());
		model.addAttribute("procedures", this.catalog.all());
		model.addAttribute("status", status);
		model.addAttribute("procedure", procedure);
		model.addAttribute("overdue", overdue);
		model.addAttribute("q", q);
		return "dossiers";
	}

	@GetMapping("/dossiers/{code}")
	String dossier(@PathVariable String code, Model model) {
		dossierModel(code, model);
		List<TaskView> mine = this.tasks.worklist(code, 0, 10).items();
		model.addAttribute("openTasks", mine);
		// A stuck dossier says so, with the way back to signing when there is one
		List<FailedJob> failed = this.failedJobs.ofDossier(code);
		DossierView dossier = (DossierView) model.getAttribute("dossier");
		model.addAttribute("failedJobs", failed);
		model.addAttribute("returnable", (!failed.isEmpty() || dossier.status() == DossierStatus.VERIFICATION_FAILED)
				&& this.signingAgain.isPossible(code));
		return "dossier";
	}

	/**
	 * Sends a dossier whose result did not verify back to signing (from its screen, or
	 * from the incidents screen with {@code next=incidents}); a refusal is shown on the
	 * screen it came from.
	 */
	@PostMapping("/dossiers/{code}/return-to-signing")
	@PreAuthorize("hasAnyRole('APPROVER', 'SUPERVISOR', 'ADMIN')")
	String returnToSigning(@PathVariable String code, @RequestParam(defaultValue = "") String reason,
			@RequestParam(required = false) String next, RedirectAttributes redirect) {
		try {
			this.signingAgain.returnToSigning(code, reason);
			redirect.addFlashAttribute("notice", "notice.returnedToSigning");
			redirect.addFlashAttribute("noticeArg", code);
		}
		catch (ProblemException ex) {
			if (ex.kind() != ProblemKind.CONFLICT && ex.kind() != ProblemKind.VALIDATION_FAILED) {
				throw ex;
			}
			redirect.addFlashAttribute("error", ex.getMessage());
		}
		if ("incidents".equals(next)) {
			return "redirect:/admin/incidents";
		}
		redirect.addAttribute("code", code);
		return "redirect:/dossiers/{code}";
	}

	/**
	 * The dossier, its procedure, steps, timeline and deadline: shared by both screens.
	 */
	void dossierModel(String code, Model model) {
		DossierView dossier = this.dossiers.find(code);
		model.addAttribute("dossier", dossier);
		model.addAttribute("procedure", this.catalog.find(dossier.procedureCode()).orElse(null));
		model.addAttribute("steps", this.completion.steps(code));
		model.addAttribute("timeline", this.queries.timeline(code));
		model.addAttribute("deadline", deadline(code));
		model.addAttribute("formData", FormDataRows.of(dossier.formData()));
		model.addAttribute("paperCopies",
				this.dossiers.paperOriginals(code)
					.stream()
					.collect(java.util.stream.Collectors.toMap(PaperOriginal::documentType, PaperOriginal::copies)));
	}

	private DeadlineView deadline(String code) {
		try {
			return this.deadlines.view(code);
		}
		catch (ProblemException ex) {
			return null;
		}
	}

	private boolean actionable(TaskView task) {
		Caller caller = this.directory.currentCaller();
		boolean candidate = task.candidateGroup() != null && caller.candidateGroups().contains(task.candidateGroup());
		return task.completedAt() == null
				&& (task.assignee() == null ? candidate : caller.username().equals(task.assignee()));
	}

	private Optional<TaskView> nextStepForMe(String dossierCode) {
		return this.tasks.worklist(dossierCode, 0, 10)
			.items()
			.stream()
			.filter((step) -> step.kind() == StepKind.SIGNING)
			.filter(this::actionable)
			.findFirst();
	}

	static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

	/** The procedure's name, for lists. */
	static String procedureName(ProcedureCatalog catalog, String code) {
		return catalog.find(code).map(Procedure::name).orElse(code);
	}

}
