package io.motcua.processes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped catalog: each descriptor has exactly the fields the application reads (it
 * refuses to start on an unknown or missing one), sensible values, refers to a process
 * that exists in {@code bpmn/} and splits its time over that process's user tasks.
 */
class ProcedureDescriptorTests {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static final Set<String> REQUIRED_FIELDS = Set.of("code", "version", "name", "field", "processingDays",
			"fee", "requiredDocuments", "formId", "processKey", "processingUnitType", "onlineAllowed",
			"supplementResumeMode");

	/**
	 * Optional fields added by later issues (SLA step split, cut-off time, same-day
	 * procedures).
	 */
	private static final Set<String> OPTIONAL_FIELDS = Set.of("stepShares", "cutOffTime", "sameWorkingDay");

	private static final Set<String> DOCUMENT_FIELDS = Set.of("type", "name", "copies", "required", "formats");

	private static final Set<String> FORMATS = Set.of("pdf", "jpeg", "png", "tiff", "docx", "doc", "xlsx", "odt");

	/** User task ids by process id, over every model in {@code bpmn/}. */
	private static final Map<String, Set<String>> PROCESSES = new HashMap<>();

	@BeforeAll
	static void readProcesses() throws IOException, URISyntaxException {
		Path folder = Path.of(ProcedureDescriptorTests.class.getResource("/bpmn").toURI());
		try (Stream<Path> listing = Files.list(folder)) {
			for (Path file : listing.filter((file) -> file.toString().endsWith(".bpmn")).toList()) {
				try (InputStream in = Files.newInputStream(file)) {
					BpmnModelInstance model = Bpmn.readModelFromStream(in);
					Set<String> userTasks = new HashSet<>();
					model.getModelElementsByType(UserTask.class).forEach((task) -> userTasks.add(task.getId()));
					for (Process process : model.getModelElementsByType(Process.class)) {
						PROCESSES.put(process.getId(), userTasks);
					}
				}
			}
		}
		assertThat(PROCESSES).containsKey(DossierLifecycle.PROCESS_KEY);
	}

	static List<Path> descriptors() throws IOException, URISyntaxException {
		Path folder = Path.of(ProcedureDescriptorTests.class.getResource("/procedures").toURI());
		try (Stream<Path> listing = Files.list(folder)) {
			return listing.filter((file) -> file.toString().endsWith(".yaml")).sorted().toList();
		}
	}

	@Test
	void catalogShipsTheFiveCommuneProceduresWithUniqueCodes() throws IOException, URISyntaxException {
		List<String> codes = new ArrayList<>();
		for (Path file : descriptors()) {
			codes.add(read(file).path("code").asText());
		}
		assertThat(codes).doesNotHaveDuplicates()
			.containsExactlyInAnyOrder("HKD-01", "CTBS-01", "KH-01", "GPXD-01", "CMD-01");
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void descriptorHasExactlyTheKnownFields(Path file) throws IOException {
		JsonNode descriptor = read(file);
		Set<String> names = new HashSet<>();
		descriptor.fieldNames().forEachRemaining(names::add);
		assertThat(names).containsAll(REQUIRED_FIELDS);
		names.removeAll(REQUIRED_FIELDS);
		assertThat(names).as("unknown fields").isSubsetOf(OPTIONAL_FIELDS);
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void descriptorValuesAreSensible(Path file) throws IOException {
		JsonNode descriptor = read(file);
		String code = descriptor.path("code").asText();
		assertThat(code).matches("[A-Z0-9][A-Z0-9.-]{0,39}");
		assertThat(file.getFileName().toString()).isEqualTo(code.toLowerCase() + ".yaml");
		assertThat(descriptor.path("version").isIntegralNumber()).as("version is an integer").isTrue();
		assertThat(descriptor.path("version").asInt()).isPositive();
		assertThat(descriptor.path("name").asText()).isNotBlank();
		assertThat(descriptor.path("field").asText()).isNotBlank();
		assertThat(descriptor.path("processingDays").isNumber()).as("processingDays is a number").isTrue();
		assertThat(descriptor.path("processingDays").decimalValue()).isGreaterThan(BigDecimal.ZERO);
		assertThat(descriptor.path("fee").isIntegralNumber()).as("fee is an integer (VND)").isTrue();
		assertThat(descriptor.path("fee").asLong()).isNotNegative();
		assertThat(descriptor.path("formId").asText()).matches("[a-z0-9]+(-[a-z0-9]+)*");
		assertThat(descriptor.path("processingUnitType").asText()).isIn("PROVINCE", "DEPARTMENT", "COMMUNE");
		assertThat(descriptor.path("onlineAllowed").isBoolean()).as("onlineAllowed is a boolean").isTrue();
		assertThat(descriptor.path("supplementResumeMode").asText()).isIn("CONTINUE", "RESTART");
		if (descriptor.has("cutOffTime")) {
			assertThat(descriptor.path("cutOffTime").asText()).matches("([01][0-9]|2[0-3]):[0-5][0-9]");
		}
		if (descriptor.has("sameWorkingDay")) {
			assertThat(descriptor.path("sameWorkingDay").isBoolean()).as("sameWorkingDay is a boolean").isTrue();
		}
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void vietnameseTextIsPrecomposed(Path file) throws IOException {
		// Decomposed diacritics (from some keyboards and PDFs) look the same but break
		// search and sorting.
		List<String> texts = new ArrayList<>();
		JsonNode descriptor = read(file);
		texts.add(descriptor.path("name").asText());
		texts.add(descriptor.path("field").asText());
		descriptor.path("requiredDocuments").forEach((document) -> texts.add(document.path("name").asText()));
		assertThat(texts).allMatch((text) -> Normalizer.isNormalized(text, Normalizer.Form.NFC));
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void requiredDocumentsHaveUniqueTypesAndKnownFormats(Path file) throws IOException {
		JsonNode documents = read(file).path("requiredDocuments");
		assertThat(documents.isArray()).isTrue();
		assertThat(documents.size()).isPositive();
		Set<String> types = new HashSet<>();
		boolean anyRequired = false;
		for (JsonNode document : documents) {
			Set<String> names = new HashSet<>();
			document.fieldNames().forEachRemaining(names::add);
			assertThat(names).as("fields of a required document").isEqualTo(DOCUMENT_FIELDS);
			String type = document.path("type").asText();
			assertThat(types.add(type)).as(type + " listed twice").isTrue();
			assertThat(type).matches("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
			assertThat(document.path("name").asText()).as(type).isNotBlank();
			assertThat(document.path("copies").isIntegralNumber()).as(type + " copies").isTrue();
			assertThat(document.path("copies").asInt()).as(type + " copies").isPositive();
			assertThat(document.path("required").isBoolean()).as(type + " required").isTrue();
			JsonNode formats = document.path("formats");
			assertThat(formats.isArray() && !formats.isEmpty()).as(type + " formats").isTrue();
			Set<String> seen = new HashSet<>();
			formats.forEach((format) -> {
				assertThat(format.asText()).as(type + " format").isIn(FORMATS);
				assertThat(seen.add(format.asText())).as(type + " format listed twice").isTrue();
			});
			anyRequired |= document.path("required").asBoolean();
		}
		assertThat(anyRequired).as("at least one required document").isTrue();
	}

	@ParameterizedTest
	@MethodSource("descriptors")
	void processExistsAndStepSharesCoverItsUserTasks(Path file) throws IOException {
		JsonNode descriptor = read(file);
		String processKey = descriptor.path("processKey").asText();
		assertThat(PROCESSES).as("a process with id " + processKey + " in bpmn/").containsKey(processKey);
		JsonNode shares = descriptor.path("stepShares");
		if (!shares.isMissingNode()) {
			int sum = 0;
			for (Map.Entry<String, JsonNode> share : shares.properties()) {
				assertThat(PROCESSES.get(processKey)).as("user tasks of " + processKey).contains(share.getKey());
				assertThat(share.getValue().isIntegralNumber() && share.getValue().asInt() > 0)
					.as(share.getKey() + " share is a positive integer")
					.isTrue();
				sum += share.getValue().asInt();
			}
			assertThat(sum).as("step shares in percent").isEqualTo(100);
		}
	}

	private static JsonNode read(Path file) {
		try {
			return YAML.readTree(file.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
