package io.motcua.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.motcua.app.security.Caller;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;

/**
 * The login page and the start page of each role.
 */
@Controller
class HomeController {

	private final StaffDirectory directory;

	HomeController(StaffDirectory directory) {
		this.directory = directory;
	}

	/**
	 * Spring Security processes the POST; this renders the form, and after too many
	 * failed logins how long to wait ({@code locked}, seconds).
	 */
	@GetMapping("/login")
	String login(@RequestParam(required = false) String locked, Model model) {
		long seconds = (locked != null && locked.matches("\\d{1,6}")) ? Long.parseLong(locked) : 0;
		if (seconds > 0) {
			model.addAttribute("waitMinutes", (seconds >= 120) ? (seconds + 59) / 60 : null);
			model.addAttribute("waitSeconds", (seconds < 120) ? seconds : null);
		}
		return "login";
	}

	@GetMapping("/")
	String home() {
		Caller caller = this.directory.currentCaller();
		if (caller.has(Role.SUPERVISOR)) {
			return "redirect:/supervision";
		}
		if (caller.has(Role.CLERK)) {
			return "redirect:/counter";
		}
		if (caller.has(Role.APPROVER)) {
			return "redirect:/approvals";
		}
		if (caller.has(Role.SPECIALIST)) {
			return "redirect:/worklist";
		}
		return "redirect:/admin/procedures";
	}

}
