package io.motcua.forms;

/**
 * Thrown when a form definition cannot be loaded: the JSON is malformed, a component type
 * is unknown, a {@code conditional.hide} expression is outside the supported FEEL subset,
 * a pattern does not compile, keys collide, and so on. The message names the offending
 * component (by key, or by id when it has no key) and, for expressions, the expression.
 *
 * <p>
 * Unchecked: a broken definition is a deployment error, not something a caller recovers
 * from per request.
 */
public class FormDefinitionException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message naming what is wrong.
	 * @param message the explanation, never {@code null}
	 */
	public FormDefinitionException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message and the underlying cause.
	 * @param message the explanation, never {@code null}
	 * @param cause the cause, may be {@code null}
	 */
	public FormDefinitionException(String message, Throwable cause) {
		super(message, cause);
	}

}
