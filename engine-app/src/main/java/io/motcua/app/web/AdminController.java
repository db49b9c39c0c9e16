package io.motcua.app.web;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.operations.Reactions;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffAdministration;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.sla.CalendarService;
import io.motcua.app.sla.CalendarYear;
import io.motcua.app.system.ProblemException;

/**
 * Administration: the procedure catalog as read from its descriptor files (with
 * versions), the working calendars, which administrators may edit, units and staff, and
 * the background work (reactions after commit) that has not run.
 */
@Controller
class AdminController {

	private final ProcedureCatalog catalog;

	private final CalendarService calendars;

	private final StaffDirectory directory;

	private final ObjectMapper objectMapper;

	private final StaffAdministration staffAdministration;

	private final Reactions reactions;

	AdminController(ProcedureCatalog catalog, CalendarService calendars, StaffDirectory directory,
			StaffAdministration staffAdministration, Reactions reactions, ObjectMapper objectMapper) {
		this.reactions = reactions;
		this.staffAdministration = staffAdministration;
		this.catalog = catalog;
		this.calendars = calendars;
		this.directory = directory;
		this.objectMapper = objectMapper;
	}

	@GetMapping("/admin/units")
	String units(Model model) {
		List<StaffDirectory.UnitView> units = this.directory.visibleUnits();
		model.addAttribute("units", units);
		model.addAttribute("staff",
				units.stream()
					.collect(java.util.stream.Collectors.toMap(StaffDirectory.UnitView::code,
							(unit) -> this.directory.staffOf(unit.code()), (a, b) -> a, java.util.LinkedHashMap::new)));
		return "admin-units";
	}

	@PostMapping("/admin/staff")
	String addStaff(@RequestParam String username, @RequestParam String fullName, @RequestParam String unitCode,
			@RequestParam(name = "roles", required = false) List<Role> roles, @RequestParam String password,
			RedirectAttributes redirect) {
		try {
			this.staffAdministration.add(username.trim(), fullName.trim(), unitCode,
					(roles != null) ? java.util.EnumSet.copyOf(roles) : java.util.Set.of(), password);
			redirect.addFlashAttribute("notice", "notice.staffAdded");
			redirect.addFlashAttribute("noticeArg", username);
		}
		catch (ProblemException ex) {
			redirect.addFlashAttribute("staffError", ex.getMessage());
		}
		return "redirect:/admin/units";
	}

	@PostMapping("/admin/staff/{username}/enabled")
	String enableStaff(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
		StaffDirectory.StaffView member = this.directory.visibleUnits()
			.stream()
			.flatMap((unit) -> this.directory.staffOf(unit.code()).stream())
			.filter((candidate) -> candidate.username().equals(username))
			.findFirst()
			.orElseThrow(() -> ProblemException.notFound("No staff " + username));
		this.staffAdministration.update(username, member.fullName(), member.roles(), enabled);
		redirect.addFlashAttribute("notice", enabled ? "notice.staffEnabled" : "notice.staffDisabled");
		redirect.addFlashAttribute("noticeArg", username);
		return "redirect:/admin/units";
	}

	/** Ends the lock of an account after failed logins. */
	@PostMapping("/admin/staff/{username}/unlock")
	String unlockStaff(@PathVariable String username, RedirectAttributes redirect) {
		this.staffAdministration.unlock(username);
		redirect.addFlashAttribute("notice", "notice.staffUnlocked");
		redirect.addFlashAttribute("noticeArg", username);
		return "redirect:/admin/units";
	}

	@GetMapping("/admin/procedures")
	String procedures(Model model) {
		model.addAttribute("procedures", this.catalog.all());
		return "admin-procedures";
	}

	@GetMapping("/admin/calendars")
	String calendars(@RequestParam(required = false) Integer year, Model model) {
		var years = this.calendars.years();
		int shown = (year != null) ? year : (years.isEmpty() ? 0 : years.get(years.size() - 1));
		model.addAttribute("years", years);
		model.addAttribute("year", shown);
		if (years.contains(shown)) {
			CalendarYear calendar = this.calendars.get(shown);
			model.addAttribute("calendar", calendar);
			model.addAttribute("definition", json(calendar));
		}
		model.addAttribute("editable", this.directory.currentCaller().has(Role.ADMIN));
		return "admin-calendars";
	}

	@PostMapping("/admin/calendars/{year}")
	String saveCalendar(@PathVariable int year, @RequestParam String definition, Model model,
			RedirectAttributes redirect) {
		if (!this.directory.currentCaller().has(Role.ADMIN)) {
			throw ProblemException.forbidden("Only administrators edit the working calendars");
		}
		try {
			// Read by the calendars, which name each field they cannot read
			this.calendars.put(year, this.calendars.read(this.objectMapper.readTree(definition)));
		}
		catch (JsonProcessingException | ProblemException ex) {
			String message = (ex instanceof ProblemException problem)
					? problem.getMessage() + " "
							+ problem.errors().stream().map((e) -> e.field() + ": " + e.message()).toList()
					: ((JsonProcessingException) ex).getOriginalMessage();
			model.addAttribute("years", this.calendars.years());
			model.addAttribute("year", year);
			model.addAttribute("definition", definition);
			model.addAttribute("editable", true);
			model.addAttribute("error", message);
			return "admin-calendars";
		}
		redirect.addFlashAttribute("notice", "notice.saved");
		return "redirect:/admin/calendars?year=" + year;
	}

	/** The reactions after commit that have not run: what is stuck, and why. */
	@GetMapping("/admin/reactions")
	@PreAuthorize("hasRole('ADMIN')")
	String reactions(Model model) {
		model.addAttribute("reactions", this.reactions.pending());
		return "admin-reactions";
	}

	@PostMapping("/admin/reactions/{id}/retry")
	@PreAuthorize("hasRole('ADMIN')")
	String retryReaction(@PathVariable UUID id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("notice", this.reactions.retry(id) ? "notice.retried" : "notice.alreadyRan");
		return "redirect:/admin/reactions";
	}

	private String json(CalendarYear calendar) {
		try {
			return this.objectMapper.writerWithDefaultPrettyPrinter().writeValueAsString(calendar);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("Cannot show calendar " + calendar.year(), ex);
		}
	}

}
