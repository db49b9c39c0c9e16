package io.motcua.app.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
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
import io.motcua.app.documents.Receipts;
import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatistics;
import io.motcua.app.dossier.DossierViews.ApplicantData;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.dossier.DossierViews.PaperOriginal;
import io.motcua.app.dossier.DossierViews.ReceivedDossier;
import io.motcua.app.intake.CounterIntake;
import io.motcua.app.lifecycle.StepCompletion;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.StepDecision;
import io.motcua.app.workflow.StepKind;
import io.motcua.app.workflow.TaskView;
import io.motcua.forms.FormDefinition;

/**
 * The counter: choose a procedure, fill in the applicant and the procedure's form, check
 * the documents, receive, print the receipt; and the list of results to hand back with
 * the dossiers due today or overdue.
 */
@Controller
class CounterController {

	private final ProcedureCatalog catalog;

	private final ProcedureForms forms;

	private final CounterIntake intake;

	private final DossierService dossiers;

	private final DossierTasks tasks;

	private final StepCompletion completion;

	private final Receipts receipts;

	private final DossierStatistics statistics;

	private final StaffDirectory directory;

	private final WebFormat format;

	private final Clock clock;

	CounterController(ProcedureCatalog catalog, ProcedureForms forms, CounterIntake intake, DossierService dossiers,
			DossierTasks tasks, StepCompletion completion, Receipts receipts, DossierStatistics statistics,
			StaffDirectory directory, WebFormat format, Clock clock) {
		this.receipts = receipts;
		this.completion = completion;
		this.clock = clock;
		this.catalog = catalog;
		this.forms = forms;
		this.intake = intake;
		this.dossiers = dossiers;
		this.tasks = tasks;
		this.statistics = statistics;
		this.directory = directory;
		this.format = format;
	}

	@GetMapping("/counter")
	String procedures(Model model) {
		model.addAttribute("procedures", this.catalog.all());
		return "counter";
	}

	@GetMapping("/counter/new")
	String form(@RequestParam String procedure, Model model) {
		Procedure chosen = procedure(procedure);
		model.addAttribute("procedure", chosen);
		model.addAttribute("applicant", applicantFields(new ApplicantData("", "", "", "", "")));
		model.addAttribute("channel", Channel.COUNTER);
		model.addAttribute("fields", fields(chosen, null, Map.of()));
		model.addAttribute("errors", Map.of());
		model.addAttribute("checked", List.of());
		model.addAttribute("copies", Map.of());
		model.addAttribute("channels", Channel.values());
		return "counter-form";
	}

	@PostMapping("/counter/new")
	String receive(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
		Procedure procedure = procedure(params.getFirst("procedure"));
		ApplicantData applicant = new ApplicantData(params.getFirst("fullName"), params.getFirst("identityNumber"),
				WorklistController.blankToNull(params.getFirst("phone")),
				WorklistController.blankToNull(params.getFirst("email")), params.getFirst("address"));
		Channel channel = parseChannel(params.getFirst("channel"));
		FormDefinition form = this.forms.definition(procedure.formId()).orElse(null);
		try {
			ReceivedDossier received = this.intake.receive(procedure.code(), channel, applicant,
					(form != null) ? FormFields.read(form, params) : null, paperOriginals(procedure, params));
			redirect.addFlashAttribute("received", received);
			return "redirect:/counter/receipt/" + received.code();
		}
		catch (ProblemException ex) {
			Map<String, String> errors = WebModel.byField(ex);
			model.addAttribute("procedure", procedure);
			model.addAttribute("applicant", applicantFields(applicant));
			model.addAttribute("channel", channel);
			model.addAttribute("fields", fields(procedure, params, errors));
			model.addAttribute("errors", errors);
			model.addAttribute("checked", params.getOrDefault("document", List.of()));
			model.addAttribute("copies", params.toSingleValueMap());
			model.addAttribute("channels", Channel.values());
			model.addAttribute("error", ex.getMessage());
			return "counter-form";
		}
	}

	@GetMapping("/counter/receipt/{code}")
	String receipt(@PathVariable String code, Model model) {
		DossierView dossier = this.dossiers.find(code);
		model.addAttribute("dossier", dossier);
		model.addAttribute("procedure", this.catalog.find(dossier.procedureCode()).orElse(null));
		model.addAttribute("unit", this.directory.unit(dossier.receivingUnit()).orElse(null));
		return "receipt";
	}

	/**
	 * The receipt as a PDF (Form 01), printed now if the reaction after intake has not
	 * yet.
	 */
	@GetMapping("/counter/receipt/{code}/pdf")
	ResponseEntity<InputStreamResource> receiptPdf(@PathVariable String code) {
		return this.receipts.download(code).asAttachment();
	}

	@GetMapping("/counter/returns")
	String returns(Model model) {
		Caller caller = this.directory.currentCaller();
		List<TaskView> ready = this.tasks.worklist(null, 0, 200)
			.items()
			.stream()
			.filter((task) -> task.kind() == StepKind.RETURN)
			.sorted(Comparator.comparing(TaskView::createdAt))
			.toList();
		LocalDate today = this.clock.instant().atZone(this.format.zone()).toLocalDate();
		Instant endOfToday = today.plusDays(1).atStartOfDay(this.format.zone()).toInstant();
		model.addAttribute("ready", ready);
		model.addAttribute("due", this.statistics.openDueBefore(caller.visibleUnits(), endOfToday, 200));
		return "returns";
	}

	@PostMapping("/counter/returns/{taskId}")
	String returnResult(@PathVariable String taskId, @RequestParam(required = false) String comment,
			RedirectAttributes redirect) {
		TaskView task = this.tasks.find(taskId);
		this.completion.complete(taskId,
				StepDecision.of(task.primaryOutcome(), WorklistController.blankToNull(comment)));
		redirect.addFlashAttribute("notice", "notice.returned");
		redirect.addFlashAttribute("noticeArg", task.dossierCode());
		return "redirect:/counter/returns";
	}

	private List<FormFields.Field> fields(Procedure procedure, MultiValueMap<String, String> posted,
			Map<String, String> errors) {
		return this.forms.definition(procedure.formId())
			.map((form) -> FormFields.render(form, (posted != null) ? posted : null, errors))
			.orElse(List.of());
	}

	/**
	 * The documents ticked as received on paper: a checkbox {@code document} per type and
	 * its number of copies in {@code copies-<type>} (the procedure's number when blank;
	 * anything but a number from 1 to 99 is sent as 0, which the check refuses).
	 */
	private static List<PaperOriginal> paperOriginals(Procedure procedure, MultiValueMap<String, String> params) {
		List<String> ticked = params.getOrDefault("document", List.of());
		return procedure.requiredDocuments()
			.stream()
			.filter((document) -> ticked.contains(document.type()))
			.map((document) -> new PaperOriginal(document.type(),
					copies(params.getFirst("copies-" + document.type()), document.copies())))
			.toList();
	}

	private static int copies(String given, int usual) {
		if (given == null || given.isBlank()) {
			return usual;
		}
		try {
			return Integer.parseInt(given.trim());
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private Procedure procedure(String code) {
		return this.catalog.find((code != null) ? code : "")
			.orElseThrow(() -> ProblemException.notFound("No procedure " + code));
	}

	private static Channel parseChannel(String channel) {
		try {
			return (channel != null) ? Channel.valueOf(channel) : Channel.COUNTER;
		}
		catch (IllegalArgumentException ex) {
			return Channel.COUNTER;
		}
	}

	private static Map<String, String> applicantFields(ApplicantData applicant) {
		Map<String, String> fields = new java.util.HashMap<>();
		fields.put("fullName", applicant.fullName());
		fields.put("identityNumber", applicant.identityNumber());
		fields.put("phone", applicant.phone());
		fields.put("email", applicant.email());
		fields.put("address", applicant.address());
		return fields;
	}

}
