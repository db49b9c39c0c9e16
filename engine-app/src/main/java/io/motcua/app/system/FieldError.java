package io.motcua.app.system;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One field-level problem in a request: the field's path (dotted, as the client sent it)
 * and what is wrong with it; for a refused file also a stable reason code and the file's
 * name.
 *
 * @param field path of the field, e.g. {@code applicant.identityNumber}
 * @param message what is wrong
 * @param reason stable code of the rule that was broken (for example
 * {@code active-content}), for clients to switch on; null when the message says it all
 * @param file the name of the file refused, null when the problem is not about one file
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, String reason, String file) {

	public FieldError(String field, String message) {
		this(field, message, null, null);
	}

}
