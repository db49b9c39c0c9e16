package io.motcua.forms;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import io.motcua.forms.FormViolation.Rule;

import static io.motcua.forms.TestForms.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an attacker may send: the validator answers with violations, never with an
 * exception or a StackOverflowError.
 */
class HostileInputTests {

	private static final int TEN_MB = 10 * 1024 * 1024;

	private final FormDefinition form = FormDefinition.bundled("household-business-registration");

	@Test
	void reportsTenThousandLevelsOfNestingInJsonTextAsTooDeep() {
		String deep = "{\"applicant\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
		List<FormViolation> violations = FormValidator.validate(this.form, deep);
		assertThat(violations).extracting(FormViolation::rule).containsExactly(Rule.TOO_DEEP);
		assertThat(violations.get(0).messageVi()).contains("64");
	}

	@Test
	void reportsTenThousandLevelsOfNestedObjectsInATreeAsTooDeep() {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		ObjectNode current = root.putObject("applicant");
		for (int i = 0; i < 10_000; i++) {
			current = current.putObject("fullName");
		}
		List<FormViolation> violations = FormValidator.validate(this.form, root);
		assertThat(violations).extracting(FormViolation::path, FormViolation::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("applicant", Rule.TOO_DEEP),
					org.assertj.core.groups.Tuple.tuple("applicant.fullName", Rule.TYPE));
	}

	@Test
	void reportsTenThousandLevelsOfNestedArraysUnderAnUnknownKey() {
		ArrayNode current = JsonNodeFactory.instance.arrayNode();
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		root.set("x", current);
		for (int i = 0; i < 10_000; i++) {
			current = current.addArray();
		}
		assertThat(FormValidator.validate(this.form, root)).extracting(FormViolation::rule)
			.contains(Rule.TOO_DEEP, Rule.UNKNOWN_FIELD);
	}

	@Test
	void reportsADeeplyNestedRootArray() {
		ArrayNode root = JsonNodeFactory.instance.arrayNode();
		ArrayNode current = root;
		for (int i = 0; i < 10_000; i++) {
			current = current.addArray();
		}
		assertThat(FormValidator.validate(this.form, root)).extracting(FormViolation::rule)
			.containsExactly(Rule.TOO_DEEP, Rule.TYPE);
	}

	@Test
	void answersATenMegabyteStringWithMaxLength() {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		root.putObject("applicant").put("fullName", "A".repeat(TEN_MB)).put("email", "a".repeat(TEN_MB));
		List<FormViolation> violations = FormValidator.validate(this.form, root);
		assertThat(violations).extracting(FormViolation::path, FormViolation::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("applicant.fullName", Rule.MAX_LENGTH),
					org.assertj.core.groups.Tuple.tuple("applicant.email", Rule.MAX_LENGTH));
		assertThat(violations).allSatisfy((violation) -> assertThat(violation.messageVi()).hasSizeLessThan(500));
	}

	@Test
	void answersATenMegabyteStringInJsonText() {
		String text = "{\"applicant\": {\"address\": \"" + "ư".repeat(TEN_MB) + "\"}}";
		assertThat(FormValidator.validate(this.form, text)).extracting(FormViolation::path, FormViolation::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("applicant.address", Rule.MAX_LENGTH));
	}

	@Test
	void answersJsonTextOverTheSizeLimitWithMalformed() {
		String text = "{\"x\": \"" + "a".repeat(17 * 1024 * 1024) + "\"}";
		assertThat(FormValidator.validate(this.form, text)).extracting(FormViolation::rule)
			.containsExactly(Rule.MALFORMED);
	}

	@Test
	void truncatesAHugeUnknownKeyInThePath() {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		root.put("k".repeat(TEN_MB), 1);
		FormViolation violation = FormValidator.validate(this.form, root)
			.stream()
			.filter((candidate) -> candidate.rule() == Rule.UNKNOWN_FIELD)
			.findFirst()
			.orElseThrow();
		assertThat(violation.path()).hasSizeLessThan(100);
	}

	@Test
	void reportsNumbersGivenAsStringsAsTypeViolations() {
		JsonNode submission = json("""
				{"business": {"capital": "150000000", "employeeCount": "2"}}
				""");
		assertThat(FormValidator.validate(this.form, submission)).extracting(FormViolation::path, FormViolation::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("business.capital", Rule.TYPE),
					org.assertj.core.groups.Tuple.tuple("business.employeeCount", Rule.TYPE));
	}

	@Test
	void reportsArraysWhereObjectsAreExpected() {
		JsonNode submission = json("""
				{"applicant": [{"fullName": "An"}], "business": [], "members": {"0": {"fullName": "An"}}}
				""");
		assertThat(FormValidator.validate(this.form, submission)).extracting(FormViolation::path, FormViolation::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("applicant", Rule.TYPE),
					org.assertj.core.groups.Tuple.tuple("business", Rule.TYPE));
	}

	@Test
	void reportsMalformedDuplicateOrTrailingJsonText() {
		assertThat(FormValidator.validate(this.form, "{\"applicant\": ")).extracting(FormViolation::rule)
			.containsExactly(Rule.MALFORMED);
		assertThat(FormValidator.validate(this.form, "{\"commitment\": true, \"commitment\": false}"))
			.extracting(FormViolation::rule)
			.containsExactly(Rule.MALFORMED);
		assertThat(FormValidator.validate(this.form, "{} {}")).extracting(FormViolation::rule)
			.containsExactly(Rule.MALFORMED);
		assertThat(FormValidator.validate(this.form, "not json")).extracting(FormViolation::rule)
			.containsExactly(Rule.MALFORMED);
	}

	@Test
	void readsBracketsInsideStringsWithoutCountingThemAsNesting() {
		String text = "{\"applicant\": {\"fullName\": \"" + "[{".repeat(40) + "\\\"" + "\"}}";
		assertThat(FormValidator.validate(this.form, text)).extracting(FormViolation::rule)
			.doesNotContain(Rule.TOO_DEEP, Rule.MALFORMED);
	}

	@Test
	void capsTheNumberOfViolations() {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		for (int i = 0; i < 100_000; i++) {
			root.put("unknown" + i, i);
		}
		assertThat(FormValidator.validate(this.form, root)).hasSize(500);
	}

	@Test
	void looksAtNoMoreThanAThousandListItems() {
		ObjectNode root = (ObjectNode) json("{\"business\": {\"ownership\": \"household\"}}");
		ArrayNode members = root.putArray("members");
		for (int i = 0; i < 100_000; i++) {
			members.addObject().put("unknown", i);
		}
		assertThat(FormValidator.validate(this.form, root)).extracting(FormViolation::path, FormViolation::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("members", Rule.TOO_MANY_ITEMS));
	}

	@Test
	void acceptsScalarsAndNullsEverywhereWithoutThrowing() {
		for (String value : List.of("null", "true", "0", "-1.5e300", "\"\"", "[]", "{}", "[null]", "[[[]]]")) {
			String text = """
					{"applicant": %1$s, "business": {"name": %1$s, "ownership": %1$s, "capital": %1$s,
					 "startDate": %1$s}, "members": %1$s, "commitment": %1$s}
					""".formatted(value);
			assertThat(FormValidator.validate(this.form, text)).isNotNull();
			assertThat(FormValidator.validate(this.form, json(text))).isNotNull();
		}
	}

	@Test
	void handlesNaNAndInfiniteDoublesAsTypeViolations() {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		root.putObject("business").put("capital", Double.NaN).put("employeeCount", Double.POSITIVE_INFINITY);
		assertThat(FormValidator.validate(this.form, root)).extracting(FormViolation::path, FormViolation::rule)
			.contains(org.assertj.core.groups.Tuple.tuple("business.capital", Rule.TYPE),
					org.assertj.core.groups.Tuple.tuple("business.employeeCount", Rule.TYPE));
	}

	@Test
	void evaluatesHideConditionsOnHostileValuesWithoutThrowing() {
		ObjectNode root = JsonNodeFactory.instance.objectNode();
		ObjectNode business = root.putObject("business");
		ObjectNode current = business.putObject("ownership");
		for (int i = 0; i < 10_000; i++) {
			current = current.putObject("x");
		}
		assertThat(FormValidator.validate(this.form, root)).extracting(FormViolation::rule).contains(Rule.TOO_DEEP);
	}

}
