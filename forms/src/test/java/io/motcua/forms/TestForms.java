package io.motcua.forms;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds definitions and submissions for tests from short JSON snippets.
 */
final class TestForms {

	static final ObjectMapper JSON = new ObjectMapper();

	private TestForms() {
	}

	/** A definition in Modeler's format around the given components array. */
	static FormDefinition form(String components) {
		return FormDefinition.parse("""
				{
				  "components": %s,
				  "type": "default",
				  "id": "Form_test",
				  "executionPlatform": "Camunda Platform",
				  "executionPlatformVersion": "7.24.0",
				  "exporter": {"name": "Camunda Modeler", "version": "5.42.0"},
				  "schemaVersion": 18
				}
				""".formatted(components));
	}

	/** A definition with a single component. */
	static FormDefinition single(String component) {
		return form("[" + component + "]");
	}

	static JsonNode json(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	static List<FormViolation> validate(FormDefinition form, String submission) {
		return FormValidator.validate(form, json(submission));
	}

	static List<FormViolation.Rule> rules(FormDefinition form, String submission) {
		return validate(form, submission).stream().map(FormViolation::rule).toList();
	}

}
