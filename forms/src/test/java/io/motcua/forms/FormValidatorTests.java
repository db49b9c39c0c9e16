package io.motcua.forms;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.motcua.forms.FormViolation.Rule;

import static io.motcua.forms.TestForms.form;
import static io.motcua.forms.TestForms.rules;
import static io.motcua.forms.TestForms.single;
import static io.motcua.forms.TestForms.validate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each component type and each rule: a valid value, each violation, and the boundaries.
 */
class FormValidatorTests {

	@Nested
	class TextField {

		FormDefinition form = single("""
				{"label": "Họ và tên", "type": "textfield", "id": "Field_1", "key": "name",
				 "validate": {"required": true, "minLength": 2, "maxLength": 5}}
				""");

		@Test
		void acceptsTextWithinTheBounds() {
			assertThat(validate(this.form, "{\"name\": \"An\"}")).isEmpty();
		}

		@Test
		void acceptsTextOfExactlyMaxLength() {
			assertThat(validate(this.form, "{\"name\": \"Nguyễ\"}")).isEmpty();
		}

		@Test
		void rejectsTextOneCharacterOverMaxLength() {
			List<FormViolation> violations = validate(this.form, "{\"name\": \"Nguyễn\"}");
			assertThat(violations).extracting(FormViolation::rule).containsExactly(Rule.MAX_LENGTH);
			assertThat(violations.get(0).path()).isEqualTo("name");
			assertThat(violations.get(0).messageVi()).isEqualTo("“Họ và tên” không được dài quá 5 ký tự.");
			assertThat(violations.get(0).messageEn()).isEqualTo("“Họ và tên” must be at most 5 characters long.");
		}

		@Test
		void countsCombiningDiacriticsAsOneCharacter() {
			// "Nguyễ" typed in decomposed form: e + circumflex + tilde
			assertThat(validate(this.form, "{\"name\": \"Nguye\\u0302\\u0303\"}")).isEmpty();
		}

		@Test
		void acceptsTextOfExactlyMinLengthAndRejectsOneLess() {
			assertThat(rules(this.form, "{\"name\": \"Lê\"}")).isEmpty();
			assertThat(rules(this.form, "{\"name\": \"L\"}")).containsExactly(Rule.MIN_LENGTH);
		}

		@Test
		void rejectsAMissingNullEmptyOrBlankRequiredValue() {
			assertThat(rules(this.form, "{}")).containsExactly(Rule.REQUIRED);
			assertThat(rules(this.form, "{\"name\": null}")).containsExactly(Rule.REQUIRED);
			assertThat(rules(this.form, "{\"name\": \"\"}")).containsExactly(Rule.REQUIRED);
			assertThat(rules(this.form, "{\"name\": \"   \"}")).containsExactly(Rule.REQUIRED);
		}

		@Test
		void messagesForRequiredAreInVietnameseAndEnglish() {
			FormViolation violation = validate(this.form, "{}").get(0);
			assertThat(violation.messageVi()).isEqualTo("Vui lòng nhập “Họ và tên”.");
			assertThat(violation.messageEn()).isEqualTo("“Họ và tên” is required.");
		}

		@Test
		void acceptsAMissingOptionalValue() {
			FormDefinition optional = single(
					"""
							{"label": "Ghi chú", "type": "textfield", "id": "Field_1", "key": "note", "validate": {"minLength": 3}}
							""");
			assertThat(validate(optional, "{}")).isEmpty();
			assertThat(validate(optional, "{\"note\": \"\"}")).isEmpty();
		}

		@Test
		void rejectsANonTextValue() {
			assertThat(rules(this.form, "{\"name\": 12}")).containsExactly(Rule.TYPE);
			assertThat(rules(this.form, "{\"name\": [\"An\"]}")).containsExactly(Rule.TYPE);
			assertThat(rules(this.form, "{\"name\": {\"a\": 1}}")).containsExactly(Rule.TYPE);
			assertThat(rules(this.form, "{\"name\": true}")).containsExactly(Rule.TYPE);
		}

	}

	@Nested
	class TextArea {

		FormDefinition form = single("""
				{"label": "Địa chỉ", "type": "textarea", "id": "Field_1", "key": "address",
				 "validate": {"required": true, "maxLength": 300}}
				""");

		@Test
		void acceptsExactly300CharactersAndRejects301() {
			assertThat(rules(this.form, "{\"address\": \"" + "ă".repeat(300) + "\"}")).isEmpty();
			assertThat(rules(this.form, "{\"address\": \"" + "ă".repeat(301) + "\"}")).containsExactly(Rule.MAX_LENGTH);
		}

		@Test
		void acceptsLineBreaks() {
			assertThat(rules(this.form, "{\"address\": \"Số 1\\nphường Hàng Bạc\"}")).isEmpty();
		}

	}

	@Nested
	class PatternRule {

		FormDefinition form = single("""
				{"label": "Số định danh cá nhân", "type": "textfield", "id": "Field_1", "key": "id",
				 "validate": {"pattern": "^[0-9]{12}$"}}
				""");

		@ParameterizedTest
		@ValueSource(strings = { "001190012345", "079093001122" })
		void acceptsTwelveDigits(String value) {
			assertThat(rules(this.form, "{\"id\": \"" + value + "\"}")).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "00119001234", "0011900123456", "00119001234a", "001 190 012 345" })
		void rejectsAnythingElse(String value) {
			assertThat(rules(this.form, "{\"id\": \"" + value + "\"}")).containsExactly(Rule.PATTERN);
		}

		@Test
		void findsAnUnanchoredPatternAnywhereAsFormJsDoes() {
			FormDefinition unanchored = single(
					"""
							{"label": "Mã", "type": "textfield", "id": "Field_1", "key": "code", "validate": {"pattern": "[0-9]{3}"}}
							""");
			assertThat(rules(unanchored, "{\"code\": \"ab123cd\"}")).isEmpty();
			assertThat(rules(unanchored, "{\"code\": \"ab12cd\"}")).containsExactly(Rule.PATTERN);
		}

		@Test
		void givesUpOnCatastrophicBacktrackingAsAPatternViolation() {
			FormDefinition evil = single(
					"""
							{"label": "Mã", "type": "textfield", "id": "Field_1", "key": "code", "validate": {"pattern": "^(a+)+$"}}
							""");
			assertThat(rules(evil, "{\"code\": \"" + "a".repeat(40) + "!\"}")).containsExactly(Rule.PATTERN);
			assertThat(rules(evil, "{\"code\": \"aaaa\"}")).isEmpty();
		}

	}

	@Nested
	class Email {

		FormDefinition form = single(
				"""
						{"label": "Email", "type": "textfield", "id": "Field_1", "key": "email", "validate": {"validationType": "email"}}
						""");

		@ParameterizedTest
		@ValueSource(strings = { "nhung.nguyen@example.vn", "a+b@sub.domain.com.vn", "x_y@mail.gov.vn" })
		void acceptsAddresses(String value) {
			assertThat(rules(this.form, "{\"email\": \"" + value + "\"}")).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "nhung", "nhung@", "@example.vn", "a@b", "a b@example.vn", "a@@example.vn",
				"a@example..vn", ".a@example.vn" })
		void rejectsNonAddresses(String value) {
			assertThat(rules(this.form, "{\"email\": \"" + value + "\"}")).containsExactly(Rule.EMAIL);
		}

	}

	@Nested
	class Phone {

		FormDefinition form = single(
				"""
						{"label": "Số điện thoại", "type": "textfield", "id": "Field_1", "key": "phone", "validate": {"validationType": "phone"}}
						""");

		@ParameterizedTest
		@ValueSource(strings = { "0912345678", "+84912345678", "84912345678", "0387654321", "0912 345 678",
				"0912.345.678", "02438261234", "024 3826 1234" })
		void acceptsVietnamesePhoneNumbers(String value) {
			assertThat(rules(this.form, "{\"phone\": \"" + value + "\"}")).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "091234567", "09123456789", "0112345678", "+14155550100", "phone", "0912-345-67a",
				"+84 0912345678" })
		void rejectsOtherNumbers(String value) {
			assertThat(rules(this.form, "{\"phone\": \"" + value + "\"}")).containsExactly(Rule.PHONE);
		}

	}

	@Nested
	class NumberField {

		FormDefinition form = single("""
				{"label": "Số tầng", "type": "number", "id": "Field_1", "key": "floors",
				 "validate": {"required": true, "min": 1, "max": 7}, "decimalDigits": 0}
				""");

		@Test
		void acceptsTheBoundsThemselves() {
			assertThat(rules(this.form, "{\"floors\": 1}")).isEmpty();
			assertThat(rules(this.form, "{\"floors\": 7}")).isEmpty();
			assertThat(rules(this.form, "{\"floors\": 7.0}")).isEmpty();
		}

		@Test
		void rejectsValuesJustOutsideTheBounds() {
			assertThat(rules(this.form, "{\"floors\": 0}")).containsExactly(Rule.MIN);
			assertThat(rules(this.form, "{\"floors\": 0.999}")).containsExactly(Rule.MIN);
			assertThat(rules(this.form, "{\"floors\": 8}")).containsExactly(Rule.MAX);
			assertThat(rules(this.form, "{\"floors\": 7.001}")).containsExactly(Rule.MAX);
		}

		@Test
		void boundMessagesNameTheBound() {
			FormViolation violation = validate(this.form, "{\"floors\": 8}").get(0);
			assertThat(violation.messageVi()).isEqualTo("“Số tầng” phải nhỏ hơn hoặc bằng 7.");
			assertThat(violation.messageEn()).isEqualTo("“Số tầng” must be at most 7.");
		}

		@Test
		void rejectsAnInfiniteNumber() {
			// a default ObjectMapper reads 1e400 as an infinite double
			assertThat(rules(this.form, "{\"floors\": 1e400}")).containsExactly(Rule.TYPE);
		}

		@Test
		void rejectsANumberGivenAsText() {
			assertThat(rules(this.form, "{\"floors\": \"3\"}")).containsExactly(Rule.TYPE);
		}

		@Test
		void rejectsAMissingRequiredNumber() {
			assertThat(rules(this.form, "{}")).containsExactly(Rule.REQUIRED);
		}

		@Test
		void comparesHugeNumbersWithoutOverflow() {
			assertThat(FormValidator.validate(this.form, "{\"floors\": 1e400}")).extracting(FormViolation::rule)
				.containsExactly(Rule.MAX);
			assertThat(rules(this.form, "{\"floors\": -123456789012345678901234567890}")).containsExactly(Rule.MIN);
		}

		@Test
		void acceptsNumericTextWhenTheFieldSerialisesToString() {
			FormDefinition asString = single("""
					{"label": "Vốn", "type": "number", "id": "Field_1", "key": "capital", "serializeToString": true,
					 "validate": {"min": 0}}
					""");
			assertThat(rules(asString, "{\"capital\": \"150000000.5\"}")).isEmpty();
			assertThat(rules(asString, "{\"capital\": 150000000}")).isEmpty();
			assertThat(rules(asString, "{\"capital\": \"-1\"}")).containsExactly(Rule.MIN);
			assertThat(rules(asString, "{\"capital\": \"1e5\"}")).containsExactly(Rule.TYPE);
		}

	}

	@Nested
	class Checkbox {

		FormDefinition form = single(
				"""
						{"label": "Tôi cam kết", "type": "checkbox", "id": "Field_1", "key": "agreed", "validate": {"required": true}}
						""");

		@Test
		void acceptsATickedRequiredCheckbox() {
			assertThat(rules(this.form, "{\"agreed\": true}")).isEmpty();
		}

		@Test
		void rejectsAnUntickedOrMissingRequiredCheckbox() {
			assertThat(rules(this.form, "{\"agreed\": false}")).containsExactly(Rule.REQUIRED);
			assertThat(rules(this.form, "{}")).containsExactly(Rule.REQUIRED);
		}

		@Test
		void acceptsAnUntickedOptionalCheckbox() {
			FormDefinition optional = single("""
					{"label": "Có tầng hầm", "type": "checkbox", "id": "Field_1", "key": "basement"}
					""");
			assertThat(rules(optional, "{\"basement\": false}")).isEmpty();
		}

		@Test
		void rejectsTextForABoolean() {
			assertThat(rules(this.form, "{\"agreed\": \"true\"}")).containsExactly(Rule.TYPE);
		}

	}

	@Nested
	class SingleChoice {

		@ParameterizedTest
		@ValueSource(strings = { "select", "radio" })
		void acceptsAStaticOption(String type) {
			assertThat(rules(choice(type), "{\"kind\": \"new\"}")).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "select", "radio" })
		void rejectsAValueOutsideTheOptions(String type) {
			List<FormViolation> violations = validate(choice(type), "{\"kind\": \"demolition\"}");
			assertThat(violations).extracting(FormViolation::rule).containsExactly(Rule.NOT_AN_OPTION);
			assertThat(violations.get(0).messageVi())
				.isEqualTo("Giá trị của “Loại công trình” không nằm trong danh sách lựa chọn.");
		}

		@ParameterizedTest
		@ValueSource(strings = { "select", "radio" })
		void rejectsAListOrObjectForASingleChoice(String type) {
			assertThat(rules(choice(type), "{\"kind\": [\"new\"]}")).containsExactly(Rule.TYPE);
			assertThat(rules(choice(type), "{\"kind\": {\"value\": \"new\"}}")).containsExactly(Rule.TYPE);
		}

		@ParameterizedTest
		@ValueSource(strings = { "select", "radio" })
		void rejectsAMissingRequiredChoice(String type) {
			assertThat(rules(choice(type), "{}")).containsExactly(Rule.REQUIRED);
			assertThat(rules(choice(type), "{\"kind\": \"\"}")).containsExactly(Rule.REQUIRED);
		}

		@Test
		void comparesOptionValuesByTypeAsWell() {
			FormDefinition numeric = single("""
					{"label": "Số bản", "type": "select", "id": "Field_1", "key": "copies",
					 "values": [{"label": "Một", "value": 1}, {"label": "Hai", "value": 2}]}
					""");
			assertThat(rules(numeric, "{\"copies\": 2}")).isEmpty();
			assertThat(rules(numeric, "{\"copies\": \"2\"}")).containsExactly(Rule.NOT_AN_OPTION);
		}

		private FormDefinition choice(String type) {
			return single("""
					{"label": "Loại công trình", "values": [{"label": "Xây mới", "value": "new"},
					 {"label": "Sửa chữa", "value": "repair"}], "type": "%s", "id": "Field_1", "key": "kind",
					 "validate": {"required": true}}
					""".formatted(type));
		}

	}

	@Nested
	class MultipleChoice {

		@ParameterizedTest
		@ValueSource(strings = { "checklist", "taglist" })
		void acceptsStaticOptions(String type) {
			assertThat(rules(choices(type), "{\"docs\": [\"cccd\", \"so-do\"]}")).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "checklist", "taglist" })
		void rejectsEachValueOutsideTheOptionsAtItsIndex(String type) {
			assertThat(validate(choices(type), "{\"docs\": [\"cccd\", \"x\", {\"a\": 1}]}"))
				.extracting(FormViolation::path, FormViolation::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("docs[1]", Rule.NOT_AN_OPTION),
						org.assertj.core.groups.Tuple.tuple("docs[2]", Rule.TYPE));
		}

		@ParameterizedTest
		@ValueSource(strings = { "checklist", "taglist" })
		void rejectsASingleValueWhereAListIsExpected(String type) {
			assertThat(rules(choices(type), "{\"docs\": \"cccd\"}")).containsExactly(Rule.TYPE);
		}

		@ParameterizedTest
		@ValueSource(strings = { "checklist", "taglist" })
		void rejectsAnEmptyRequiredList(String type) {
			assertThat(rules(choices(type), "{\"docs\": []}")).containsExactly(Rule.REQUIRED);
		}

		@Test
		void enforcesItemCountsWhenGiven() {
			FormDefinition form = single("""
					{"label": "Giấy tờ", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"},
					 {"label": "C", "value": "c"}], "type": "checklist", "id": "Field_1", "key": "docs",
					 "validate": {"minItems": 2, "maxItems": 2}}
					""");
			assertThat(rules(form, "{\"docs\": [\"a\", \"b\"]}")).isEmpty();
			assertThat(rules(form, "{\"docs\": [\"a\"]}")).containsExactly(Rule.TOO_FEW_ITEMS);
			assertThat(rules(form, "{\"docs\": [\"a\", \"b\", \"c\"]}")).containsExactly(Rule.TOO_MANY_ITEMS);
		}

		private FormDefinition choices(String type) {
			return single("""
					{"label": "Giấy tờ kèm theo", "values": [{"label": "Căn cước công dân", "value": "cccd"},
					 {"label": "Sổ đỏ", "value": "so-do"}], "type": "%s", "id": "Field_1", "key": "docs",
					 "validate": {"required": true}}
					""".formatted(type));
		}

	}

	@Nested
	class DateTime {

		@Test
		void acceptsAnIsoDate() {
			assertThat(rules(date("date"), "{\"when\": \"2026-02-28\"}")).isEmpty();
			assertThat(rules(date("date"), "{\"when\": \"2024-02-29\"}")).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-02-29", "28/02/2026", "2026-2-28", "2026-02-28T10:00", "hôm nay" })
		void rejectsAnythingButAnIsoDate(String value) {
			List<FormViolation> violations = validate(date("date"), "{\"when\": \"" + value + "\"}");
			assertThat(violations).extracting(FormViolation::rule).containsExactly(Rule.TYPE);
			assertThat(violations.get(0).messageVi()).contains("yyyy-MM-dd");
		}

		@ParameterizedTest
		@ValueSource(strings = { "07:30", "23:59", "13:30+07:00", "06:30Z" })
		void acceptsATime(String value) {
			assertThat(rules(date("time"), "{\"when\": \"" + value + "\"}")).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "24:00", "7:30", "07:30:00", "0730" })
		void rejectsAnythingButATime(String value) {
			assertThat(rules(date("time"), "{\"when\": \"" + value + "\"}")).containsExactly(Rule.TYPE);
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-11-22T07:30", "2026-11-22T07:30:00", "2026-11-22T07:30+07:00",
				"2026-11-22T00:30:00Z" })
		void acceptsAnIsoDateTime(String value) {
			assertThat(rules(date("datetime"), "{\"when\": \"" + value + "\"}")).isEmpty();
		}

		@ParameterizedTest
		@ValueSource(strings = { "2026-11-22", "2026-11-22 07:30", "22/11/2026 07:30" })
		void rejectsAnythingButAnIsoDateTime(String value) {
			assertThat(rules(date("datetime"), "{\"when\": \"" + value + "\"}")).containsExactly(Rule.TYPE);
		}

		@Test
		void rejectsANumberForADateAndAMissingRequiredDate() {
			assertThat(rules(date("date"), "{\"when\": 20260228}")).containsExactly(Rule.TYPE);
			assertThat(rules(date("date"), "{}")).containsExactly(Rule.REQUIRED);
		}

		private FormDefinition date(String subtype) {
			return single("""
					{"subtype": "%s", "dateLabel": "Ngày", "timeLabel": "Giờ", "type": "datetime", "id": "Field_1",
					 "key": "when", "validate": {"required": true}}
					""".formatted(subtype));
		}

	}

	@Nested
	class Readonly {

		FormDefinition form = form(
				"""
						[{"label": "Đơn vị tiếp nhận", "type": "textfield", "id": "Field_1", "key": "unit", "readonly": true,
						  "defaultValue": "UBND xã Tân Lập"},
						 {"label": "Phí", "type": "number", "id": "Field_2", "key": "fee", "disabled": true, "defaultValue": 10000},
						 {"label": "Mã thủ tục", "type": "textfield", "id": "Field_3", "key": "code", "readonly": true}]
						""");

		@Test
		void acceptsTheDefaultOrNothing() {
			assertThat(rules(this.form, "{\"unit\": \"UBND xã Tân Lập\", \"fee\": 10000.0}")).isEmpty();
			assertThat(rules(this.form, "{}")).isEmpty();
		}

		@Test
		void rejectsAChangedReadonlyOrDisabledValue() {
			assertThat(validate(this.form, "{\"unit\": \"UBND tỉnh\", \"fee\": 0, \"code\": \"X\"}"))
				.extracting(FormViolation::path, FormViolation::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("unit", Rule.READONLY),
						org.assertj.core.groups.Tuple.tuple("fee", Rule.READONLY),
						org.assertj.core.groups.Tuple.tuple("code", Rule.READONLY));
		}

		@Test
		void appliesAReadonlyExpression() {
			FormDefinition conditional = form("""
					[{"label": "Đã nộp phí", "type": "checkbox", "id": "Field_1", "key": "paid"},
					 {"label": "Số tiền", "type": "number", "id": "Field_2", "key": "amount", "readonly": "=paid"}]
					""");
			assertThat(rules(conditional, "{\"paid\": true, \"amount\": 5}")).containsExactly(Rule.READONLY);
			assertThat(rules(conditional, "{\"paid\": false, \"amount\": 5}")).isEmpty();
		}

	}

	@Nested
	class UnknownFields {

		FormDefinition form = form("""
				[{"label": "Người nộp", "type": "group", "id": "Group_1", "components": [
				   {"label": "Họ tên", "type": "textfield", "id": "Field_1", "key": "applicant.fullName"}]},
				 {"label": "Thông tin", "type": "group", "id": "Group_2", "path": "info", "components": [
				   {"label": "Ghi chú", "type": "textfield", "id": "Field_2", "key": "note"}]}]
				""");

		@Test
		void rejectsUndeclaredKeysAtEveryDepth() {
			assertThat(validate(this.form,
					"""
							{"applicant": {"fullName": "An", "isAdmin": true}, "info": {"note": "x", "extra": 1}, "role": "admin"}
							"""))
				.extracting(FormViolation::path, FormViolation::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("applicant.isAdmin", Rule.UNKNOWN_FIELD),
						org.assertj.core.groups.Tuple.tuple("info.extra", Rule.UNKNOWN_FIELD),
						org.assertj.core.groups.Tuple.tuple("role", Rule.UNKNOWN_FIELD));
		}

		@Test
		void nestsGroupPathsAndDottedKeys() {
			assertThat(validate(this.form, "{\"applicant\": {\"fullName\": \"An\"}, \"info\": {\"note\": \"x\"}}"))
				.isEmpty();
			assertThat(validate(this.form, "{\"applicant.fullName\": \"An\"}")).extracting(FormViolation::rule)
				.containsExactly(Rule.UNKNOWN_FIELD);
		}

		@Test
		void rejectsAnArrayOrTextWhereAnObjectIsExpected() {
			assertThat(validate(this.form, "{\"applicant\": [\"An\"], \"info\": \"x\"}"))
				.extracting(FormViolation::path, FormViolation::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("applicant", Rule.TYPE),
						org.assertj.core.groups.Tuple.tuple("info", Rule.TYPE));
		}

		@Test
		void rejectsASubmissionThatIsNotAnObject() {
			assertThat(validate(this.form, "[1, 2]")).extracting(FormViolation::path, FormViolation::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("", Rule.TYPE));
			assertThat(rules(this.form, "\"text\"")).containsExactly(Rule.TYPE);
		}

	}

	@Nested
	class DynamicList {

		FormDefinition form = single(
				"""
						{"label": "Thành viên", "components": [
						   {"label": "Họ tên", "type": "textfield", "id": "Field_2", "key": "name", "validate": {"required": true}},
						   {"label": "Số định danh", "type": "textfield", "id": "Field_3", "key": "id",
						    "conditional": {"hide": "=this.name = \\"ẩn\\""}}],
						 "showOutline": true, "isRepeating": true, "allowAddRemove": true, "defaultRepetitions": 1,
						 "type": "dynamiclist", "id": "Field_1", "path": "members", "validate": {"minItems": 1, "maxItems": 2}}
						""");

		@Test
		void validatesEveryItemWithIndexedPaths() {
			assertThat(validate(this.form, "{\"members\": [{\"name\": \"An\"}, {\"name\": \"\", \"age\": 3}]}"))
				.extracting(FormViolation::path, FormViolation::rule)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("members[1].name", Rule.REQUIRED),
						org.assertj.core.groups.Tuple.tuple("members[1].age", Rule.UNKNOWN_FIELD));
		}

		@Test
		void enforcesMinAndMaxItems() {
			assertThat(rules(this.form, "{\"members\": [{\"name\": \"A\"}, {\"name\": \"B\"}]}")).isEmpty();
			assertThat(rules(this.form, "{\"members\": [{\"name\": \"A\"}, {\"name\": \"B\"}, {\"name\": \"C\"}]}"))
				.containsExactly(Rule.TOO_MANY_ITEMS);
			assertThat(rules(this.form, "{\"members\": []}")).containsExactly(Rule.TOO_FEW_ITEMS);
			assertThat(rules(this.form, "{}")).containsExactly(Rule.TOO_FEW_ITEMS);
		}

		@Test
		void rejectsAnObjectWhereAListIsExpectedAndTextWhereAnItemIsExpected() {
			assertThat(rules(this.form, "{\"members\": {\"name\": \"A\"}}")).containsExactly(Rule.TYPE);
			assertThat(validate(this.form, "{\"members\": [\"A\"]}")).extracting(FormViolation::path)
				.containsExactly("members[0]");
		}

		@Test
		void evaluatesConditionsAgainstTheItem() {
			assertThat(rules(this.form, "{\"members\": [{\"name\": \"ẩn\", \"id\": 5}]}")).isEmpty();
			assertThat(rules(this.form, "{\"members\": [{\"name\": \"hiện\", \"id\": 5}]}")).containsExactly(Rule.TYPE);
		}

	}

	@Test
	void reportsEveryViolationAtOnceInDefinitionOrder() {
		FormDefinition form = form("""
				[{"label": "A", "type": "textfield", "id": "F1", "key": "a", "validate": {"required": true}},
				 {"label": "B", "type": "number", "id": "F2", "key": "b", "validate": {"max": 1}},
				 {"label": "C", "type": "select", "id": "F3", "key": "c", "values": [{"label": "x", "value": "x"}]}]
				""");
		assertThat(validate(form, "{\"b\": 2, \"c\": \"y\", \"d\": 0}")).extracting(FormViolation::path)
			.containsExactly("a", "b", "c", "d");
	}

	@Test
	void fallsBackToThePathWhenAFieldHasNoLabel() {
		FormDefinition form = single("""
				{"type": "textfield", "id": "F1", "key": "x.y", "validate": {"required": true}}
				""");
		assertThat(validate(form, "{}").get(0).messageEn()).isEqualTo("“x.y” is required.");
	}

	@Test
	void treatsANullSubmissionAsEmpty() {
		FormDefinition form = single("""
				{"label": "A", "type": "textfield", "id": "F1", "key": "a", "validate": {"required": true}}
				""");
		assertThat(FormValidator.validate(form, (com.fasterxml.jackson.databind.JsonNode) null))
			.extracting(FormViolation::rule)
			.containsExactly(Rule.REQUIRED);
		assertThat(FormValidator.validate(form, (String) null)).extracting(FormViolation::rule)
			.containsExactly(Rule.REQUIRED);
	}

}
