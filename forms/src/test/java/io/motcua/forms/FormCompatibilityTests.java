package io.motcua.forms;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.motcua.forms.FormViolation.Rule;

import static io.motcua.forms.TestForms.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A submission made for one version of a form, checked against another.
 */
class FormCompatibilityTests {

	private final FormDefinition version1 = version("1", """
			{"label": "Tên", "type": "textfield", "id": "F1", "key": "name", "validate": {"required": true}},
			{"label": "Fax", "type": "textfield", "id": "F2", "key": "fax"}
			""");

	private final FormDefinition version2 = version("2",
			"""
					{"label": "Tên", "type": "textfield", "id": "F1", "key": "name", "validate": {"required": true, "maxLength": 5}},
					{"label": "Email", "type": "textfield", "id": "F3", "key": "email", "validate": {"required": true, "validationType": "email"}}
					""");

	@Test
	void readsTheVersionFromTheVersionTag() {
		assertThat(this.version1.version()).isEqualTo("1");
		assertThat(this.version2.version()).isEqualTo("2");
	}

	@Test
	void reportsWhatAnOldSubmissionBreaksInTheNewVersion() {
		JsonNode submission = json("{\"name\": \"Nguyễn Văn An\", \"fax\": \"0241234567\"}");
		assertThat(FormCompatibility.isValidFor(this.version1, submission)).isTrue();
		FormCompatibility compatibility = FormCompatibility.check(this.version1, this.version2, submission);
		assertThat(compatibility.isCompatible()).isFalse();
		assertThat(compatibility.formId()).isEqualTo("Form_versions");
		assertThat(compatibility.fromVersion()).isEqualTo("1");
		assertThat(compatibility.toVersion()).isEqualTo("2");
		assertThat(compatibility.violations()).extracting(FormViolation::path, FormViolation::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("name", Rule.MAX_LENGTH),
					org.assertj.core.groups.Tuple.tuple("email", Rule.REQUIRED),
					org.assertj.core.groups.Tuple.tuple("fax", Rule.UNKNOWN_FIELD));
	}

	@Test
	void findsASubmissionCompatibleWhenItHoldsForBothVersions() {
		JsonNode submission = json("{\"name\": \"An\", \"email\": \"an@example.vn\"}");
		assertThat(FormCompatibility.check(this.version2, this.version1, submission).violations())
			.extracting(FormViolation::rule)
			.containsExactly(Rule.UNKNOWN_FIELD);
		assertThat(FormCompatibility
			.check(this.version1, this.version2, json("{\"name\": \"An\", \"email\": \"an@x.vn\"}"))
			.isCompatible()).isTrue();
	}

	@Test
	void refusesToCompareDifferentForms() {
		FormDefinition other = FormDefinition.bundled("copy-certification");
		assertThatIllegalArgumentException().isThrownBy(() -> FormCompatibility.check(this.version1, other, null))
			.withMessageContaining("copy-certification");
	}

	private static FormDefinition version(String tag, String components) {
		return FormDefinition.parse("""
				{"components": [%s], "type": "default", "id": "Form_versions", "versionTag": "%s",
				 "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
				 "exporter": {"name": "Camunda Modeler", "version": "5.42.0"}, "schemaVersion": 18}
				""".formatted(components, tag));
	}

}
