package io.motcua.forms;

import java.math.BigDecimal;

/**
 * The {@code validate} block of a component. Absent rules are {@code null} (or
 * {@code false} for {@code required}). Rules that do not apply to a component's type are
 * kept as read but not enforced (form-js ignores them too).
 *
 * @param required the field must carry a non-empty value (a checked box for a checkbox,
 * at least one entry for a checklist or taglist, non-blank text)
 * @param minLength minimum text length in characters, may be {@code null}
 * @param maxLength maximum text length in characters, may be {@code null}
 * @param pattern a regular expression the text must contain a match of (form-js
 * semantics: anchor it with {@code ^...$} to match the whole text), may be {@code null}
 * @param min minimum number, inclusive, may be {@code null}
 * @param max maximum number, inclusive, may be {@code null}
 * @param format predefined text format ({@code validationType}), may be {@code null}
 * @param minItems minimum number of items of a dynamic list, checklist or taglist, may be
 * {@code null}
 * @param maxItems maximum number of items of a dynamic list, checklist or taglist, may be
 * {@code null}
 */
public record ValidationRules(boolean required, Integer minLength, Integer maxLength, String pattern, BigDecimal min,
		BigDecimal max, Format format, Integer minItems, Integer maxItems) {

	/** No rules at all. */
	public static final ValidationRules NONE = new ValidationRules(false, null, null, null, null, null, null, null,
			null);

	/**
	 * Checks the bounds.
	 * @throws FormDefinitionException if a length or item count is negative
	 */
	public ValidationRules {
		requireNotNegative("minLength", minLength);
		requireNotNegative("maxLength", maxLength);
		requireNotNegative("minItems", minItems);
		requireNotNegative("maxItems", maxItems);
	}

	private static void requireNotNegative(String name, Integer value) {
		if (value != null && value < 0) {
			throw new FormDefinitionException("validate." + name + " must not be negative, was " + value);
		}
	}

	/**
	 * Predefined text formats of form-js ({@code validate.validationType}).
	 */
	public enum Format {

		/** An e-mail address. */
		EMAIL,

		/**
		 * A Vietnamese phone number: mobile {@code 0912345678}, {@code +84912345678}, or
		 * a landline {@code 02438261234}; spaces, dots and dashes between digits are
		 * allowed.
		 */
		PHONE

	}

}
