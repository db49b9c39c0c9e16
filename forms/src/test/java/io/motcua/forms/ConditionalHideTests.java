package io.motcua.forms;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.motcua.forms.FormViolation.Rule;

import static io.motcua.forms.TestForms.form;
import static io.motcua.forms.TestForms.rules;
import static io.motcua.forms.TestForms.validate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields hidden by {@code conditional.hide} are not validated and their values are
 * ignored. The hidden field here is required and numeric: "visible" means a REQUIRED
 * violation when absent.
 */
class ConditionalHideTests {

	@ParameterizedTest(name = "{0} with {1} -> hidden={2}")
	@CsvSource(delimiter = '|', value = { //
			"=kind = \"post\"                 | {\"kind\": \"post\"}              | true",
			"=kind = \"post\"                 | {\"kind\": \"counter\"}           | false",
			"=kind = \"post\"                 | {}                                | false",
			"=kind != \"post\"                | {\"kind\": \"counter\"}           | true",
			"=kind != \"post\"                | {}                                | true",
			"=kind != \"post\"                | {\"kind\": \"post\"}              | false",
			"=count > 3                       | {\"count\": 4}                    | true",
			"=count > 3                       | {\"count\": 3}                    | false",
			"=count >= 3                      | {\"count\": 3}                    | true",
			"=count < 3                       | {\"count\": 2.5}                  | true",
			"=count <= 3                      | {\"count\": 3.0}                  | true",
			"=count < -1                      | {\"count\": -2}                   | true",
			"=count > 3                       | {\"count\": \"4\"}                | false",
			"=count > 3                       | {}                                | false",
			"=flag                            | {\"flag\": true}                  | true",
			"=flag                            | {\"flag\": false}                 | false",
			"=flag                            | {\"flag\": \"yes\"}               | false",
			"=not(flag)                       | {\"flag\": false}                 | true",
			"=not(flag)                       | {\"flag\": true}                  | false",
			"=not(flag)                       | {}                                | false",
			"=flag = null                     | {}                                | true",
			"=flag != null                    | {\"flag\": false}                 | true",
			"=flag = true and count > 1       | {\"flag\": true, \"count\": 2}    | true",
			"=flag = true and count > 1       | {\"flag\": true, \"count\": 1}    | false",
			"=flag = true or count > 1        | {\"flag\": false, \"count\": 2}   | true",
			"=flag = true or count > 1        | {\"count\": 0}                    | false",
			"=(flag or kind = \"a\") and not(count = 0) | {\"kind\": \"a\", \"count\": 1} | true",
			"=applicant.type = \"org\"        | {\"applicant\": {\"type\": \"org\"}} | true",
			"=  kind = \"post\"               | {\"kind\": \"post\"}              | true" })
	void hidesAFieldWhenTheExpressionIsTrue(String expression, String data, boolean hidden) {
		FormDefinition form = form("""
				[{"label": "Loại", "type": "textfield", "id": "F1", "key": "kind"},
				 {"label": "Số", "type": "number", "id": "F2", "key": "count"},
				 {"label": "Cờ", "type": "checkbox", "id": "F3", "key": "flag"},
				 {"label": "Loại người nộp", "type": "textfield", "id": "F4", "key": "applicant.type"},
				 {"label": "Ẩn", "type": "number", "id": "F5", "key": "target", "validate": {"required": true},
				  "conditional": {"hide": "%s"}}]
				""".formatted(expression.replace("\"", "\\\"")));
		assertThat(validate(form, data).stream().anyMatch((violation) -> violation.path().equals("target")))
			.isEqualTo(!hidden);
	}

	@Test
	void ignoresTheValueOfAHiddenFieldWhateverItIs() {
		FormDefinition form = form("""
				[{"label": "Hình thức", "type": "select", "id": "F1", "key": "method",
				  "values": [{"label": "Tại quầy", "value": "counter"}, {"label": "Bưu chính", "value": "post"}]},
				 {"label": "Địa chỉ", "type": "textarea", "id": "F2", "key": "address", "validate": {"maxLength": 5},
				  "conditional": {"hide": "=method != \\"post\\""}}]
				""");
		assertThat(rules(form, "{\"method\": \"counter\", \"address\": {\"any\": [1, 2]}}")).isEmpty();
		assertThat(rules(form, "{\"method\": \"post\", \"address\": {\"any\": [1, 2]}}")).containsExactly(Rule.TYPE);
	}

	@Test
	void hidingAGroupHidesItsChildrenAndIgnoresItsData() {
		FormDefinition form = form(
				"""
						[{"label": "Có người đại diện", "type": "checkbox", "id": "F1", "key": "hasAgent"},
						 {"label": "Người đại diện", "type": "group", "id": "G1", "path": "agent",
						  "conditional": {"hide": "=not(hasAgent)"}, "components": [
						   {"label": "Họ tên", "type": "textfield", "id": "F2", "key": "name", "validate": {"required": true}}]}]
						""");
		assertThat(rules(form, "{\"hasAgent\": false, \"agent\": {\"whatever\": 1}}")).isEmpty();
		assertThat(rules(form, "{\"hasAgent\": true, \"agent\": {\"whatever\": 1}}")).containsExactly(Rule.REQUIRED,
				Rule.UNKNOWN_FIELD);
	}

	@Test
	void hidingAGroupWithoutPathHidesItsChildren() {
		FormDefinition form = form("""
				[{"label": "Loại", "type": "textfield", "id": "F1", "key": "kind"},
				 {"label": "Chi tiết", "type": "group", "id": "G1", "conditional": {"hide": "=kind = \\"x\\""},
				  "components": [{"label": "A", "type": "textfield", "id": "F2", "key": "detail.a",
				   "validate": {"required": true}}]}]
				""");
		assertThat(rules(form, "{\"kind\": \"x\", \"detail\": {\"b\": 1}}")).isEmpty();
		assertThat(rules(form, "{\"kind\": \"y\"}")).containsExactly(Rule.REQUIRED);
	}

	@Test
	void treatsABlankConditionAsNoCondition() {
		FormDefinition form = form("""
				[{"label": "A", "type": "textfield", "id": "F1", "key": "a", "validate": {"required": true},
				  "conditional": {"hide": ""}}]
				""");
		assertThat(rules(form, "{}")).containsExactly(Rule.REQUIRED);
	}

}
