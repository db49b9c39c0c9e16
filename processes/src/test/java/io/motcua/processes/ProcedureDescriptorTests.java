package io.motcua.processes;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped catalog: each descriptor has the fields the application requires, refers to
 * a process that exists and splits its time over that process's user tasks.
 */
class ProcedureDescriptorTests {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final Set<String> FIELDS = Set.of("code", "version", "name", "field", "processingDays", "fee",
			"requiredDocuments", "formId", "processKey", "processingUnitType", "onlineAllowed", "supplementResumeMode",
			"stepShares", "cutOffTime");

	private static final Set<String> FORMATS = Set.of("pdf", "jpeg", "png", "tiff", "docx", "doc", "xlsx", "odt");

	static Stream<Path> descriptors() throws IOException, URISyntaxException {
		Path folder = Path.of(ProcedureDescriptorTests.class.getResource("/procedures").toURI());
		List<Path> files = new ArrayList<>();
		try (Stream<Path> listing = Files.list(folder)) {
			listing.filter((file) -> file.toString().endsWith(".yaml")).sorted().forEach(files::add);
		}
		assertThat(files).hasSizeGreaterThanOrEqualTo(5);
		return files.stream();
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void descriptorIsComplete(Path file) throws IOException {
		JsonNode descriptor = YAML.readTree(file.toFile());
		List<String> names = new ArrayList<>();
		descriptor.fieldNames().forEachRemaining(names::add);
		assertThat(FIELDS).containsAll(names);
		assertThat(names).containsAll(
				FIELDS.stream().filter((name) -> !name.equals("stepShares") && !name.equals("cutOffTime")).toList());
		if (descriptor.has("cutOffTime")) {
			assertThat(descriptor.path("cutOffTime").asText()).matches("([01][0-9]|2[0-3]):[0-5][0-9]");
		}
		String code = descriptor.path("code").asText();
		assertThat(file.getFileName().toString()).isEqualTo(code.toLowerCase() + ".yaml");
		assertThat(descriptor.path("version").asInt()).isPositive();
		assertThat(new BigDecimal(descriptor.path("processingDays").asText())).isPositive();
		assertThat(descriptor.path("fee").asLong()).isNotNegative();
		assertThat(descriptor.path("processingUnitType").asText()).isIn("PROVINCE", "DEPARTMENT", "COMMUNE");
		assertThat(descriptor.path("supplementResumeMode").asText()).isIn("CONTINUE", "RESTART");
		assertThat(descriptor.path("formId").asText()).matches("[a-z0-9-]+");
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void requiredDocumentsHaveUniqueTypesAndKnownFormats(Path file) throws IOException {
		JsonNode documents = YAML.readTree(file.toFile()).path("requiredDocuments");
		assertThat(documents.size()).isPositive();
		Set<String> types = new HashSet<>();
		boolean anyRequired = false;
		for (JsonNode document : documents) {
			assertThat(types.add(document.path("type").asText())).as("type listed twice").isTrue();
			assertThat(document.path("type").asText()).matches("[A-Z][A-Z0-9_]*");
			assertThat(document.path("name").asText()).isNotBlank();
			assertThat(document.path("copies").asInt()).isPositive();
			document.path("formats").forEach((format) -> assertThat(format.asText()).isIn(FORMATS));
			anyRequired |= document.path("required").asBoolean();
		}
		assertThat(anyRequired).isTrue();
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void processExistsAndStepSharesCoverItsUserTasks(Path file) throws IOException {
		JsonNode descriptor = YAML.readTree(file.toFile());
		String processKey = descriptor.path("processKey").asText();
		try (InputStream in = getClass().getResourceAsStream("/bpmn/" + processKey + ".bpmn")) {
			assertThat(in).as("bpmn/" + processKey + ".bpmn").isNotNull();
			var model = Bpmn.readModelFromStream(in);
			assertThat(model.getModelElementsByType(Process.class)).extracting(Process::getId).contains(processKey);
			JsonNode shares = descriptor.path("stepShares");
			if (!shares.isMissingNode()) {
				Set<String> tasks = new HashSet<>();
				model.getModelElementsByType(UserTask.class).forEach((task) -> tasks.add(task.getId()));
				int sum = 0;
				for (Map.Entry<String, JsonNode> share : (Iterable<Map.Entry<String, JsonNode>>) shares::fields) {
					assertThat(tasks).contains(share.getKey());
					sum += share.getValue().asInt();
				}
				assertThat(sum).isEqualTo(100);
			}
		}
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void codesAreUnique(Path file) throws IOException, URISyntaxException {
		String code = YAML.readTree(file.toFile()).path("code").asText();
		long same = descriptors().filter((other) -> {
			try {
				return YAML.readTree(other.toFile()).path("code").asText().equals(code);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}).count();
		assertThat(same).isOne();
	}

}
