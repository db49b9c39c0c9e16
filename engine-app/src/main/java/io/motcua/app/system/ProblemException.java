package io.motcua.app.system;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A business failure that the API answers with a problem of a known kind. Features throw
 * it (or one of the factory methods) instead of inventing their own exception types.
 */
public class ProblemException extends RuntimeException {

	private final ProblemKind kind;

	private final List<FieldError> errors;

	private final Duration retryAfter;

	public ProblemException(ProblemKind kind, String detail) {
		this(kind, detail, List.of());
	}

	public ProblemException(ProblemKind kind, String detail, List<FieldError> errors) {
		this(kind, detail, errors, null);
	}

	/**
	 * A problem that tells the client when to try again ({@code Retry-After}, whole
	 * seconds), for 429 and 503.
	 */
	public ProblemException(ProblemKind kind, String detail, List<FieldError> errors, Duration retryAfter) {
		super(detail);
		this.kind = kind;
		this.errors = List.copyOf(errors);
		this.retryAfter = retryAfter;
	}

	public static ProblemException notFound(String detail) {
		return new ProblemException(ProblemKind.NOT_FOUND, detail);
	}

	public static ProblemException conflict(String detail) {
		return new ProblemException(ProblemKind.CONFLICT, detail);
	}

	public static ProblemException forbidden(String detail) {
		return new ProblemException(ProblemKind.FORBIDDEN, detail);
	}

	public static ProblemException invalid(String detail, List<FieldError> errors) {
		return new ProblemException(ProblemKind.VALIDATION_FAILED, detail, errors);
	}

	public static ProblemException invalid(String field, String message) {
		return invalid(message, List.of(new FieldError(field, message)));
	}

	public ProblemKind kind() {
		return this.kind;
	}

	public List<FieldError> errors() {
		return this.errors;
	}

	/** When the client may try again, or empty. */
	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(this.retryAfter);
	}

}
