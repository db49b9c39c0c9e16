package io.motcua.app.sla;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

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
	CalendarYear put(@PathVariable int year, @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			schema = @Schema(implementation = CalendarYear.class))) @RequestBody JsonNode definition) {
		// Read here rather than by the converter: a zone or a session the converter
		// cannot build is an invalid field (422), not a malformed request (400)
		return this.calendars.put(year, this.calendars.read(definition));
	}

}
