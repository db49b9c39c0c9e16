package io.motcua.app.system;

import java.net.URI;

import org.springframework.http.HttpStatus;

/**
 * The kinds of problem the API answers with. Each has a stable {@code type} URI that
 * clients may switch on, a human title and an HTTP status.
 */
public enum ProblemKind {

	/** The request body is not well-formed JSON or has the wrong shape. */
	MALFORMED_REQUEST("malformed-request", "Malformed request", HttpStatus.BAD_REQUEST),

	/** The input parses but breaks a rule; the {@code errors} list names each field. */
	VALIDATION_FAILED("validation-failed", "Validation failed", HttpStatus.UNPROCESSABLE_ENTITY),

	/** The thing does not exist or the caller may not see it. */
	NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),

	/** The caller is known but its role does not allow this action. */
	FORBIDDEN("forbidden", "Forbidden", HttpStatus.FORBIDDEN),

	/** No or wrong credentials. */
	UNAUTHORIZED("unauthorized", "Authentication required", HttpStatus.UNAUTHORIZED),

	/**
	 * The thing is in a state that does not allow this action, or someone else changed it
	 * first.
	 */
	CONFLICT("conflict", "Conflict", HttpStatus.CONFLICT),

	/** The request body is larger than the API accepts. */
	PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large", HttpStatus.PAYLOAD_TOO_LARGE),

	/** The HTTP method is not supported on this path. */
	METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),

	/** The media type of the body is not supported. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),

	/**
	 * Too many requests from this client, or too many failed logins for this account or
	 * from this address; {@code Retry-After} says when to try again.
	 */
	TOO_MANY_REQUESTS("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS),

	/** Something failed on our side. */
	INTERNAL_ERROR("internal-error", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR),

	/**
	 * The server is overloaded (no database connection came free in time) or a part it
	 * needs is down; the answer says when to try again ({@code Retry-After}).
	 */
	SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", HttpStatus.SERVICE_UNAVAILABLE);

	private final URI type;

	private final String title;

	private final HttpStatus status;

	ProblemKind(String slug, String title, HttpStatus status) {
		this.type = URI.create("urn:motcua:problem:" + slug);
		this.title = title;
		this.status = status;
	}

	public URI type() {
		return this.type;
	}

	public String title() {
		return this.title;
	}

	public HttpStatus status() {
		return this.status;
	}

}
