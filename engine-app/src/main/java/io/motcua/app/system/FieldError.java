package io.motcua.app.system;

/**
 * One field-level problem in a request: the field's path (dotted, as the client sent it)
 * and what is wrong with it.
 *
 * @param field path of the field, e.g. {@code applicant.identityNumber}
 * @param message what is wrong
 */
public record FieldError(String field, String message) {
}
