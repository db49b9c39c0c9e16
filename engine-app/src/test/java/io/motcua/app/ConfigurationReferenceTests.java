package io.motcua.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference ({@code docs/CONFIGURATION.md}) is made from the metadata
 * the configuration processor writes for every {@code motcua.*} setting, and kept
 * current: the test fails when the committed reference differs from what the code
 * declares. Run with {@code -Dmotcua.docs=true} to write it anew.
 */
class ConfigurationReferenceTests {

	private static final Path REFERENCE = Path.of("..", "docs", "CONFIGURATION.md");

	@Test
	void theConfigurationReferenceListsEverySettingTheCodeDeclares() throws IOException {
		String reference = render();
		if (Boolean.getBoolean("motcua.docs")) {
			Files.writeString(REFERENCE, reference, StandardCharsets.UTF_8);
		}
		assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
			.as("docs/CONFIGURATION.md is current (./mvnw -pl engine-app test -Dtest=ConfigurationReferenceTests"
					+ " -Dmotcua.docs=true writes it)")
			.isEqualTo(reference);
	}

	private static String render() throws IOException {
		JsonNode metadata;
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			metadata = new ObjectMapper().readTree(in);
		}
		List<JsonNode> properties = new ArrayList<>();
		metadata.path("properties").forEach((property) -> {
			if (property.path("name").asText().startsWith("motcua.")) {
				properties.add(property);
			}
		});
		properties.sort(Comparator.comparing((JsonNode property) -> property.path("name").asText()));
		StringBuilder out = new StringBuilder("""
				# Configuration reference

				Every `motcua.*` setting, made from the metadata the configuration processor writes from the
				code (`ConfigurationReferenceTests` keeps this file current). Set them in `application.yml`,
				as `--name=value` arguments, or as environment variables (`MOTCUA_OUTBOUND_DEAD_AFTER` for
				`motcua.outbound.dead-after`). Spring Boot's, Camunda's and the libraries' own settings that
				Motcua relies on are in the README's configuration table.

				| setting | type | default | meaning |
				|---|---|---|---|
				""");
		for (JsonNode property : properties) {
			String type = property.path("type").asText();
			out.append("| `")
				.append(property.path("name").asText())
				.append("` | `")
				.append(type.substring(type.lastIndexOf('.') + 1))
				.append("` | ")
				.append(property.has("defaultValue") ? "`" + property.path("defaultValue").asText() + "`" : "")
				.append(" | ")
				.append(property.path("description").asText("").replace("\n", " ").replace("|", "\\|"))
				.append(" |\n");
		}
		return out.toString();
	}

}
