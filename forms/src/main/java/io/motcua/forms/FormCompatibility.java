package io.motcua.forms;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether data entered for one version of a form holds for another version of the same
 * form: for example, whether a dossier received under version 1 can be processed, or
 * re-opened for a supplement, under version 2.
 *
 * @param formId the id shared by both versions, never {@code null}
 * @param fromVersion the version the submission was made for, never {@code null}
 * @param toVersion the version it was checked against, never {@code null}
 * @param violations what the submission breaks in the target version, never {@code null};
 * empty when compatible
 */
public record FormCompatibility(String formId, String fromVersion, String toVersion, List<FormViolation> violations) {

	/**
	 * Checks that no part is {@code null} and freezes the violations.
	 * @throws NullPointerException if a part is {@code null}
	 */
	public FormCompatibility {
		Objects.requireNonNull(formId, "formId");
		Objects.requireNonNull(fromVersion, "fromVersion");
		Objects.requireNonNull(toVersion, "toVersion");
		violations = List.copyOf(violations);
	}

	/**
	 * Validates a submission made for one version of a form against another version.
	 * @param from the version the submission was made for, must not be {@code null}
	 * @param to the version to check against, must not be {@code null}
	 * @param submission the submitted data; {@code null} counts as empty
	 * @return the result, never {@code null}
	 * @throws IllegalArgumentException if the two definitions are different forms
	 * @throws NullPointerException if {@code from} or {@code to} is {@code null}
	 */
	public static FormCompatibility check(FormDefinition from, FormDefinition to, JsonNode submission) {
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		if (!from.id().equals(to.id())) {
			throw new IllegalArgumentException(
					"Form '" + from.id() + "' and form '" + to.id() + "' are different forms, not versions of one");
		}
		return new FormCompatibility(from.id(), from.version(), to.version(), FormValidator.validate(to, submission));
	}

	/**
	 * Tells whether a submission, made for whatever version, is valid for the given one.
	 * @param other the version to check against, must not be {@code null}
	 * @param submission the submitted data; {@code null} counts as empty
	 * @return {@code true} when the submission has no violation against {@code other}
	 * @throws NullPointerException if {@code other} is {@code null}
	 */
	public static boolean isValidFor(FormDefinition other, JsonNode submission) {
		return FormValidator.validate(other, submission).isEmpty();
	}

	/**
	 * Tells whether the submission holds for the target version.
	 * @return {@code true} when there are no violations
	 */
	public boolean isCompatible() {
		return this.violations.isEmpty();
	}

}
