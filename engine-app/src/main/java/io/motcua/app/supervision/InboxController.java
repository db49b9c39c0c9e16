package io.motcua.app.supervision;

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
 * The caller's inbox.
 */
@RestController
@Validated
@RequestMapping("/api/v1/inbox")
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@GetMapping
	PageView<Inbox.Message> mine(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return this.inbox.mine(page, size);
	}

	@PostMapping("/{id}/read")
	Inbox.Message read(@PathVariable long id) {
		return this.inbox.read(id);
	}

}
