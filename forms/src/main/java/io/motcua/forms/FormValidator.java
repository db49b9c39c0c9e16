package io.motcua.forms;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks a submission against a {@link FormDefinition} and returns every violation at
 * once.
 *
 * <p>
 * What is checked, per field that is not hidden by its {@code conditional.hide}:
 * {@code required}, {@code minLength} and {@code maxLength} (in characters after Unicode
 * NFC normalisation, surrounding blanks ignored), {@code pattern} (a match anywhere, as
 * form-js does), e-mail and Vietnamese phone formats, {@code min} and {@code max}, the
 * JSON type (a number given as a string is a {@link FormViolation.Rule#TYPE} violation
 * unless the number field serialises to string), ISO dates ({@code yyyy-MM-dd}), times
 * ({@code HH:mm}, optionally with an offset) and date-times, static options, item counts,
 * and read-only or disabled fields carrying anything but their default. Keys the form
 * does not declare are {@link FormViolation.Rule#UNKNOWN_FIELD} at any depth; values of
 * hidden fields are ignored.
 *
 * <p>
 * The validator never throws on hostile input: it walks the definition, not the
 * submission, so deep nesting cannot exhaust the stack; nesting deeper than 64 levels is
 * reported as {@link FormViolation.Rule#TOO_DEEP}; text longer than 100,000 characters
 * and lists longer than 1,000 items are reported without being examined; at most 500
 * violations are returned. Messages never quote submitted values.
 *
 * <p>
 * Thread-safe; all methods are static.
 */
public final class FormValidator {

	private static final ObjectMapper MAPPER = SafeJson.mapper(SafeJson.MAX_DEPTH, SafeJson.MAX_DOCUMENT_CHARS);

	private FormValidator() {
	}

	/**
	 * Validates a parsed submission.
	 * @param definition the form, must not be {@code null}
	 * @param submission the submitted data, a JSON object of the form's keys;
	 * {@code null} (and JSON null) counts as an empty submission
	 * @return the violations in definition order, then unknown keys; empty when the
	 * submission is valid; never {@code null}, immutable
	 * @throws NullPointerException if {@code definition} is {@code null}
	 */
	public static List<FormViolation> validate(FormDefinition definition, JsonNode submission) {
		Objects.requireNonNull(definition, "definition");
		JsonNode data = submission;
		if (data == null || data.isNull() || data.isMissingNode()) {
			data = MAPPER.createObjectNode();
		}
		return List.copyOf(SubmissionCheck.run(CompiledForm.compile(definition.components()), data));
	}

	/**
	 * Parses and validates a submission given as JSON text. Text that is not JSON, has
	 * duplicate keys, trailing content or is larger than 16 MB gives a single
	 * {@link FormViolation.Rule#MALFORMED} violation; nesting deeper than 64 levels a
	 * single {@link FormViolation.Rule#TOO_DEEP} one.
	 * @param definition the form, must not be {@code null}
	 * @param json the submitted JSON text; {@code null} or blank counts as an empty
	 * submission
	 * @return the violations, empty when valid; never {@code null}, immutable
	 * @throws NullPointerException if {@code definition} is {@code null}
	 */
	public static List<FormViolation> validate(FormDefinition definition, String json) {
		Objects.requireNonNull(definition, "definition");
		if (json == null || json.isBlank()) {
			return validate(definition, (JsonNode) null);
		}
		if (json.length() > SafeJson.MAX_DOCUMENT_CHARS) {
			return List.of(Messages.malformed("quá lớn (tối đa 16 MB)", "too large (at most 16 MB)"));
		}
		if (SafeJson.textDepth(json, SafeJson.MAX_DEPTH) > SafeJson.MAX_DEPTH) {
			return List.of(Messages.tooDeep("", SafeJson.MAX_DEPTH));
		}
		JsonNode submission;
		try {
			submission = MAPPER.readTree(json);
		}
		catch (JsonProcessingException ex) {
			return List.of(Messages.malformed("không phải là JSON đúng cú pháp", "not well-formed JSON"));
		}
		return validate(definition, submission);
	}

}
