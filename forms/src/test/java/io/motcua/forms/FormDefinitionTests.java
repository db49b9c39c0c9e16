package io.motcua.forms;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.motcua.forms.FormViolation.Rule;

import static io.motcua.forms.TestForms.form;
import static io.motcua.forms.TestForms.rules;
import static io.motcua.forms.TestForms.single;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Loading definitions in Camunda Modeler's format, and refusing at load time what the
 * validator could not enforce.
 */
class FormDefinitionTests {

	@Test
	void readsEveryComponentTypeFromAModelerFileAndDropsVisualOnes() {
		FormDefinition form = modeler("every-component.form");
		assertThat(form.id()).isEqualTo("Form_0ew7vbc");
		assertThat(form.version()).isEqualTo("2025.1");
		assertThat(form.schemaVersion()).isEqualTo(16);
		assertThat(form.components()).extracting(FormComponent::type)
			.containsExactly(ComponentType.TEXT, ComponentType.TEXTFIELD, ComponentType.TEXTAREA, ComponentType.NUMBER,
					ComponentType.CHECKBOX, ComponentType.CHECKLIST, ComponentType.RADIO, ComponentType.SELECT,
					ComponentType.TAGLIST, ComponentType.DATETIME, ComponentType.DATETIME, ComponentType.GROUP,
					ComponentType.DYNAMIC_LIST);
		FormComponent quantity = form.components().get(3);
		assertThat(quantity.id()).isEqualTo("Field_13rqa2h");
		assertThat(quantity.defaultValue().intValue()).isEqualTo(1);
		assertThat(quantity.validate().max()).isEqualByComparingTo("10");
		FormComponent appointment = form.components().get(9);
		assertThat(appointment.label()).isEqualTo("Ngày hẹn");
		assertThat(appointment.subtype()).isEqualTo("date");
		assertThat(appointment.hideExpression()).isEqualTo("=province = \"79\"");
		assertThat(form.components().get(7).options()).extracting(FormOption::label)
			.containsExactly("Hà Nội", "Thành phố Hồ Chí Minh");
		FormComponent companions = form.components().get(12);
		assertThat(companions.path()).isEqualTo("companions");
		assertThat(companions.repeating()).isTrue();
		assertThat(companions.components()).extracting(FormComponent::key).containsExactly("name");
	}

	@Test
	void validatesASubmissionAgainstTheModelerFile() {
		FormDefinition form = modeler("every-component.form");
		assertThat(rules(form, """
				{"person": {"fullName": "Phạm Minh Châu"}, "note": "Không", "quantity": 2, "agree": true,
				 "documents": ["cccd"], "gender": "female", "province": "01", "tags": ["urgent"],
				 "appointment": "2026-12-01", "appointmentTime": "08:30", "address": {"street": "12 Lê Lợi"},
				 "companions": [{"name": "Phạm Văn Dũng"}]}
				""")).isEmpty();
		assertThat(rules(form, """
				{"person": {"fullName": "C"}, "quantity": 11, "gender": "other", "province": "79",
				 "appointment": "hidden, so ignored", "companions": [{}]}
				""")).containsExactly(Rule.MIN_LENGTH, Rule.MAX, Rule.NOT_AN_OPTION, Rule.REQUIRED);
	}

	@Test
	void freezesTheComponentTree() {
		FormDefinition form = modeler("every-component.form");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> form.components().remove(0));
		com.fasterxml.jackson.databind.node.ArrayNode defaults = TestForms.JSON.createArrayNode().add("cccd");
		FormComponent documents = new FormComponent("F1", ComponentType.CHECKLIST, "docs", null, null, null, defaults,
				null, java.util.List.of(new FormOption("Căn cước", TestForms.json("\"cccd\""))), false, null, false,
				null, false, false, null);
		defaults.add("changed");
		((com.fasterxml.jackson.databind.node.ArrayNode) documents.defaultValue()).add("changed");
		assertThat(documents.defaultValue()).hasSize(1);
	}

	@Test
	void defaultsTheVersionToOneAndAcceptsAnObjectVersionTag() {
		assertThat(single("{\"type\": \"text\", \"id\": \"T1\", \"text\": \"x\"}").version()).isEqualTo("1");
		assertThat(FormDefinition.parse("{\"id\": \"f\", \"components\": [], \"versionTag\": {\"value\": \"v3\"}}")
			.version()).isEqualTo("v3");
	}

	@Test
	void rejectsAnUnknownComponentTypeNamingIt() {
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> single("{\"type\": \"filepicker\", \"id\": \"Field_1\", \"key\": \"upload\"}"))
			.withMessageContaining("upload")
			.withMessageContaining("filepicker");
	}

	@ParameterizedTest
	@ValueSource(strings = { "=is empty field", "=count(docs) > 1", "=kind in [\\\"a\\\", \\\"b\\\"]",
			"=if flag then true else false", "=a = b = c", "=x +", "kind = \\\"a\\\"", "=\\\"open", "=a > 1 and" })
	void rejectsAHideExpressionItCannotEvaluateNamingKeyAndExpression(String expression) {
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> form("""
				[{"label": "A", "type": "textfield", "id": "Field_1", "key": "applicant.fullName",
				  "conditional": {"hide": "%s"}}]
				""".formatted(expression)))
			.withMessageContaining("applicant.fullName")
			.withMessageContaining(expression.replace("\\\"", "\""))
			.withMessageContaining("Form_test");
	}

	@Test
	void rejectsAnUnsupportedExpressionOnAGroupNamingItsId() {
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> form("""
				[{"label": "G", "type": "group", "id": "Group_0abc", "components": [],
				  "conditional": {"hide": "=string length(x) > 2"}}]
				""")).withMessageContaining("Group_0abc").withMessageContaining("=string length(x) > 2");
	}

	@Test
	void rejectsAnInvalidPattern() {
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> single("""
				{"label": "A", "type": "textfield", "id": "Field_1", "key": "code", "validate": {"pattern": "([0-9]"}}
				""")).withMessageContaining("code").withMessageContaining("([0-9]");
	}

	@Test
	void rejectsTwoComponentsWritingTheSamePath() {
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> form("""
				[{"type": "textfield", "id": "F1", "key": "a.b"}, {"type": "textfield", "id": "F2", "key": "a.b"}]
				""")).withMessageContaining("a.b");
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> form("""
				[{"type": "textfield", "id": "F1", "key": "a"}, {"type": "textfield", "id": "F2", "key": "a.b"}]
				""")).withMessageContaining("a.b");
	}

	@Test
	void rejectsDynamicOptionSources() {
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> single("""
				{"label": "A", "type": "select", "id": "Field_1", "key": "unit", "valuesKey": "units"}
				""")).withMessageContaining("unit").withMessageContaining("valuesKey");
	}

	@Test
	void rejectsAFieldWithoutKeyAndAChoiceWithoutOptions() {
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> single("{\"label\": \"A\", \"type\": \"textfield\", \"id\": \"Field_9\"}"))
			.withMessageContaining("Field_9");
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> single("{\"label\": \"A\", \"type\": \"radio\", \"id\": \"F1\", \"key\": \"r\"}"))
			.withMessageContaining("r");
	}

	@Test
	void rejectsExpressionsWhereNumbersOrBooleansAreExpected() {
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> single("""
				{"type": "number", "id": "F1", "key": "n", "validate": {"max": "=limit"}}
				""")).withMessageContaining("validate.max");
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> single("""
				{"type": "number", "id": "F1", "key": "n", "disabled": "=locked"}
				""")).withMessageContaining("disabled");
	}

	@Test
	void rejectsAKeyThatIsNotADottedPathOfNames() {
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> single("{\"type\": \"textfield\", \"id\": \"F1\", \"key\": \"a..b\"}"))
			.withMessageContaining("a..b");
	}

	@Test
	void rejectsMalformedOrIncompleteDocuments() {
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> FormDefinition.parse("{"));
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> FormDefinition.parse("[]"));
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> FormDefinition.parse("{\"components\": []}"))
			.withMessageContaining("id");
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> FormDefinition.parse("{\"id\": \"f\", \"type\": \"wizard\", \"components\": []}"))
			.withMessageContaining("wizard");
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> FormDefinition.parse("{\"id\": \"f\", \"components\": [], \"components\": []}"));
		assertThatNullPointerException().isThrownBy(() -> FormDefinition.parse((String) null));
	}

	@Test
	void rejectsComponentsNestedTooDeeply() {
		String nested = "{\"type\": \"textfield\", \"id\": \"F\", \"key\": \"leaf\"}";
		for (int i = 0; i < 20; i++) {
			nested = "{\"type\": \"group\", \"id\": \"G" + i + "\", \"components\": [" + nested + "]}";
		}
		String components = "[" + nested + "]";
		assertThatExceptionOfType(FormDefinitionException.class).isThrownBy(() -> form(components))
			.withMessageContaining("deeper");
	}

	@Test
	void checksDefinitionsBuiltInCodeToo() {
		FormComponent field = new FormComponent("F1", ComponentType.TEXTFIELD, "name", null, "Tên", null, null, null,
				null, false, null, false, "=name ~ 1", false, false, null);
		assertThatExceptionOfType(FormDefinitionException.class)
			.isThrownBy(() -> new FormDefinition("f", "1", 18, java.util.List.of(field)))
			.withMessageContaining("=name ~ 1");
	}

	private static FormDefinition modeler(String file) {
		try (InputStream in = FormDefinitionTests.class.getResourceAsStream("/modeler/" + file)) {
			return FormDefinition.parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
