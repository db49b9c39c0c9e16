package io.motcua.forms;

import java.util.Objects;

/**
 * One broken rule in a submission.
 *
 * @param path where in the submission: dotted keys, {@code [i]} for list items
 * ({@code applicant.fullName}, {@code children[0].name}); the empty string for the whole
 * submission; never {@code null}
 * @param rule which rule is broken, never {@code null}
 * @param messageVi the explanation in Vietnamese, for the applicant, never {@code null}
 * @param messageEn the same in English, never {@code null}
 */
public record FormViolation(String path, Rule rule, String messageVi, String messageEn) {

	/**
	 * Checks that no part is {@code null}.
	 * @throws NullPointerException if a part is {@code null}
	 */
	public FormViolation {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(rule, "rule");
		Objects.requireNonNull(messageVi, "messageVi");
		Objects.requireNonNull(messageEn, "messageEn");
	}

	/**
	 * The kinds of violation.
	 */
	public enum Rule {

		/** A required field is missing or empty. */
		REQUIRED,

		/** Text shorter than {@code validate.minLength}. */
		MIN_LENGTH,

		/**
		 * Text longer than {@code validate.maxLength}, or than the library's hard limit.
		 */
		MAX_LENGTH,

		/** Text without a match of {@code validate.pattern}. */
		PATTERN,

		/** Number below {@code validate.min}. */
		MIN,

		/** Number above {@code validate.max}. */
		MAX,

		/** Text that is not an e-mail address. */
		EMAIL,

		/** Text that is not a Vietnamese phone number. */
		PHONE,

		/**
		 * A value of the wrong JSON type (a number given as a string, an array where an
		 * object is expected) or a date or time in the wrong format.
		 */
		TYPE,

		/** A value that is not one of the static options. */
		NOT_AN_OPTION,

		/** A key the form does not declare. */
		UNKNOWN_FIELD,

		/** More items than allowed. */
		TOO_MANY_ITEMS,

		/** Fewer items than required. */
		TOO_FEW_ITEMS,

		/** A read-only or disabled field whose value differs from its default. */
		READONLY,

		/** The submission nests deeper than the validator accepts. */
		TOO_DEEP,

		/** The submission is not JSON, or is too large to read. */
		MALFORMED

	}

}
