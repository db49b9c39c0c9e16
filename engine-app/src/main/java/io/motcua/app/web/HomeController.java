package io.motcua.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

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

	/** Spring Security processes the POST; this renders the form. */
	@GetMapping("/login")
	String login() {
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
