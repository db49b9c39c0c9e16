package io.motcua.forms;

import java.math.BigDecimal;

import io.motcua.forms.FormViolation.Rule;

/**
 * The Vietnamese and English wording of each violation. Messages quote the field's label
 * (from the definition) and never the submitted value: it may be personal data, or huge.
 */
final class Messages {

	private Messages() {
	}

	static FormViolation required(String path, String label) {
		return new FormViolation(path, Rule.REQUIRED, "Vui lòng nhập " + quote(label) + ".",
				quote(label) + " is required.");
	}

	static FormViolation minLength(String path, String label, int min) {
		return new FormViolation(path, Rule.MIN_LENGTH, quote(label) + " phải có ít nhất " + min + " ký tự.",
				quote(label) + " must be at least " + min + " characters long.");
	}

	static FormViolation maxLength(String path, String label, int max) {
		return new FormViolation(path, Rule.MAX_LENGTH, quote(label) + " không được dài quá " + max + " ký tự.",
				quote(label) + " must be at most " + max + " characters long.");
	}

	static FormViolation pattern(String path, String label) {
		return new FormViolation(path, Rule.PATTERN, quote(label) + " không đúng định dạng.",
				quote(label) + " does not have the expected format.");
	}

	static FormViolation min(String path, String label, BigDecimal min) {
		return new FormViolation(path, Rule.MIN, quote(label) + " phải lớn hơn hoặc bằng " + plain(min) + ".",
				quote(label) + " must be at least " + plain(min) + ".");
	}

	static FormViolation max(String path, String label, BigDecimal max) {
		return new FormViolation(path, Rule.MAX, quote(label) + " phải nhỏ hơn hoặc bằng " + plain(max) + ".",
				quote(label) + " must be at most " + plain(max) + ".");
	}

	static FormViolation email(String path, String label) {
		return new FormViolation(path, Rule.EMAIL, quote(label) + " không phải là địa chỉ email hợp lệ.",
				quote(label) + " is not a valid e-mail address.");
	}

	static FormViolation phone(String path, String label) {
		return new FormViolation(path, Rule.PHONE, quote(label) + " không phải là số điện thoại Việt Nam hợp lệ.",
				quote(label) + " is not a valid Vietnamese phone number.");
	}

	static FormViolation type(String path, String label, Kind expected) {
		return new FormViolation(path, Rule.TYPE, quote(label) + " phải là " + expected.vi + ".",
				quote(label) + " must be " + expected.en + ".");
	}

	static FormViolation notAnOption(String path, String label) {
		return new FormViolation(path, Rule.NOT_AN_OPTION,
				"Giá trị của " + quote(label) + " không nằm trong danh sách lựa chọn.",
				"The value of " + quote(label) + " is not one of the options.");
	}

	static FormViolation unknownField(String path) {
		return new FormViolation(path, Rule.UNKNOWN_FIELD, "Trường " + quote(path) + " không có trong biểu mẫu.",
				"Field " + quote(path) + " is not part of the form.");
	}

	static FormViolation tooManyItems(String path, String label, int max) {
		return new FormViolation(path, Rule.TOO_MANY_ITEMS, quote(label) + " có nhiều hơn " + max + " mục.",
				quote(label) + " has more than " + max + " items.");
	}

	static FormViolation tooFewItems(String path, String label, int min) {
		return new FormViolation(path, Rule.TOO_FEW_ITEMS, quote(label) + " phải có ít nhất " + min + " mục.",
				quote(label) + " must have at least " + min + " items.");
	}

	static FormViolation readonly(String path, String label) {
		return new FormViolation(path, Rule.READONLY, quote(label) + " là trường chỉ đọc, không được thay đổi giá trị.",
				quote(label) + " is read-only and must not be changed.");
	}

	static FormViolation tooDeep(String path, int max) {
		return new FormViolation(path, Rule.TOO_DEEP, "Dữ liệu lồng nhau quá sâu (tối đa " + max + " cấp).",
				"The data is nested too deeply (at most " + max + " levels).");
	}

	static FormViolation malformed(String reasonVi, String reasonEn) {
		return new FormViolation("", Rule.MALFORMED, "Dữ liệu gửi lên không hợp lệ: " + reasonVi + ".",
				"The submitted data is not valid: " + reasonEn + ".");
	}

	private static String quote(String text) {
		return "“" + text + "”";
	}

	private static String plain(BigDecimal number) {
		BigDecimal stripped = number.stripTrailingZeros();
		// a plain rendering of 1E+999999999 would be a billion digits
		return (Math.abs(stripped.scale()) > 30) ? stripped.toString() : stripped.toPlainString();
	}

	/** What a value should have been. */
	enum Kind {

		TEXT("chuỗi ký tự", "text"), NUMBER("số", "a number"), BOOLEAN("giá trị đúng/sai", "true or false"),
		CHOICE("một giá trị đơn", "a single value"), LIST("danh sách", "a list"), OBJECT("đối tượng", "an object"),
		DATE("ngày theo định dạng yyyy-MM-dd", "a date in the format yyyy-MM-dd"),
		TIME("giờ theo định dạng HH:mm", "a time in the format HH:mm"),
		DATETIME("ngày giờ theo định dạng ISO 8601 (yyyy-MM-ddTHH:mm)",
				"a date and time in ISO 8601 format (yyyy-MM-ddTHH:mm)");

		final String vi;

		final String en;

		Kind(String vi, String en) {
			this.vi = vi;
			this.en = en;
		}

	}

}
