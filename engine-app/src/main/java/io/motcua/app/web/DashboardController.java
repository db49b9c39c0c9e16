package io.motcua.app.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

import io.motcua.app.supervision.DashboardService;
import io.motcua.app.supervision.DashboardService.OverdueDossier;
import io.motcua.app.supervision.DashboardService.Period;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.lifecycle.StepCompletion;

/**
 * The supervisor's dashboard for a chosen period, and the overdue list as CSV.
 */
@Controller
class DashboardController {

	private final DashboardService dashboards;

	private final WebFormat format;

	private final StepCompletion steps;

	private final StaffDirectory directory;

	DashboardController(DashboardService dashboards, WebFormat format, StepCompletion steps, StaffDirectory directory) {
		this.dashboards = dashboards;
		this.format = format;
		this.steps = steps;
		this.directory = directory;
	}

	/**
	 * Hands the open steps of the selected dossiers to another member of staff; each step
	 * that cannot go to that person (another role, another unit) is named in an error
	 * line.
	 */
	@PostMapping("/supervision/reassign")
	String reassign(@RequestParam(name = "taskIds", required = false) List<String> taskIds,
			@RequestParam String username, RedirectAttributes redirect) {
		List<String> errors = new ArrayList<>();
		int moved = 0;
		for (String taskId : (taskIds != null) ? taskIds : List.<String>of()) {
			try {
				this.steps.reassign(taskId, username);
				moved++;
			}
			catch (ProblemException ex) {
				errors.add(ex.getMessage());
			}
		}
		redirect.addFlashAttribute("notice", "notice.reassigned");
		redirect.addFlashAttribute("noticeArg", moved);
		if (!errors.isEmpty()) {
			redirect.addFlashAttribute("reassignErrors", errors);
		}
		return "redirect:/supervision";
	}

	@GetMapping("/supervision")
	String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		Period fallback = this.dashboards.defaultPeriod();
		Period period = new Period((from != null) ? from : fallback.from(), (to != null) ? to : fallback.to());
		DashboardService.Dashboard dashboard;
		try {
			dashboard = this.dashboards.dashboard(period);
		}
		catch (ProblemException ex) {
			if (ex.errors().isEmpty()) {
				throw ex;
			}
			model.addAttribute("error", ex.getMessage());
			period = fallback;
			dashboard = this.dashboards.dashboard(period);
		}
		model.addAttribute("dashboard", dashboard);
		model.addAttribute("period", period);
		model.addAttribute("thresholds", this.dashboards.thresholds());
		model.addAttribute("overdue", this.dashboards.overdue());
		model.addAttribute("staff",
				this.directory.visibleUnits()
					.stream()
					.flatMap((unit) -> this.directory.staffOf(unit.code()).stream())
					.toList());
		model.addAttribute("trend", trend(dashboard));
		return "dashboard";
	}

	/**
	 * The overdue list as CSV (RFC 4180, UTF-8 with a byte order mark for spreadsheets).
	 */
	@GetMapping("/supervision/overdue.csv")
	void overdueCsv(HttpServletResponse response) throws IOException {
		List<OverdueDossier> overdue = this.dashboards.overdue();
		response.setContentType("text/csv; charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"overdue-dossiers.csv\"");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		try (CSVPrinter csv = new CSVPrinter(writer,
				CSVFormat.RFC4180.builder()
					.setHeader("code", "procedure", "status", "processing_unit", "received_at", "due_at", "overdue_by",
							"step", "held_by", "held_since", "held_for")
					.get())) {
			for (OverdueDossier dossier : overdue) {
				csv.printRecord(dossier.code(), dossier.procedureCode(), dossier.status(), dossier.processingUnit(),
						dossier.receivedAt(), dossier.dueAt(), this.format.remaining(dossier.dueAt()), dossier.step(),
						dossier.holder(), dossier.heldSince(), this.format.since(dossier.heldSince()));
			}
		}
	}

	private static Map<String, Object> trend(DashboardService.Dashboard dashboard) {
		return Map.of("labels", dashboard.trend().stream().map((point) -> point.day().toString()).toList(), "received",
				dashboard.trend().stream().map(DashboardService.TrendPoint::received).toList(), "inTime",
				dashboard.trend().stream().map(DashboardService.TrendPoint::completedInTime).toList(), "late",
				dashboard.trend().stream().map(DashboardService.TrendPoint::completedLate).toList());
	}

}
