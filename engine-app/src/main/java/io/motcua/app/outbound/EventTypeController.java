package io.motcua.app.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/event-types}: the types of event a subscriber can ask for, and the
 * AsyncAPI document that gives each one's schema.
 */
@RestController
@RequestMapping("/api/v1/event-types")
class EventTypeController {

	/** Where the schemas live: one document, in the jar and in the repository's docs. */
	static final String ASYNCAPI = "events/asyncapi.yaml";

	@GetMapping
	List<EventTypeView> types() {
		return Arrays.stream(EventType.values())
			.map((type) -> new EventTypeView(type.type(), type.titleVi(), type.title()))
			.toList();
	}

	@GetMapping("/asyncapi.yaml")
	ResponseEntity<String> asyncApi() throws IOException {
		try (InputStream in = new ClassPathResource(ASYNCAPI).getInputStream()) {
			return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType("application/yaml; charset=utf-8"))
				.body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/**
	 * An event type.
	 *
	 * @param type its CloudEvents type
	 * @param titleVi what it means, in Vietnamese
	 * @param title what it means, in English
	 */
	record EventTypeView(String type, String titleVi, String title) {
	}

}
