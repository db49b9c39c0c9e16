package io.motcua.app.sla;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Working calendars: any member of staff reads them, administrators change them.
 */
@RestController
@RequestMapping("/api/v1/calendars")
class CalendarController {

	private final CalendarService calendars;

	CalendarController(CalendarService calendars) {
		this.calendars = calendars;
	}

	@GetMapping
	List<Integer> years() {
		return this.calendars.years();
	}

	@GetMapping("/{year}")
	CalendarYear get(@PathVariable int year) {
		return this.calendars.get(year);
	}

	@PutMapping("/{year}")
	@PreAuthorize("hasRole('ADMIN')")
	CalendarYear put(@PathVariable int year, @RequestBody CalendarYear definition) {
		return this.calendars.put(year, definition);
	}

}
