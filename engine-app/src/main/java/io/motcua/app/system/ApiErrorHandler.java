package io.motcua.app.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure of an API call into an RFC 9457 problem of a known
 * {@link ProblemKind}, with a field-level {@code errors} list for validation failures.
 * Client errors are logged at WARN without a stack trace, server errors at ERROR.
 */
@RestControllerAdvice
class ApiErrorHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

	/** When a client should try again after a 503. */
	static final int RETRY_AFTER_SECONDS = 2;

	@ExceptionHandler(ProblemException.class)
	ResponseEntity<ProblemDetail> problem(ProblemException ex) {
		ProblemDetail problem = Problems.of(ex.kind(), ex.getMessage(), ex.errors());
		logProblem(problem);
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(problem.getStatus());
		// A feature's outage (the document store): nothing was done, try again.
		Optional<Duration> retryAfter = ex.retryAfter()
			.or(() -> (ex.kind() == ProblemKind.SERVICE_UNAVAILABLE)
					? Optional.of(Duration.ofSeconds(RETRY_AFTER_SECONDS)) : Optional.empty());
		retryAfter.ifPresent((wait) -> answer.header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
		return answer.body(problem);
	}

	@ExceptionHandler({ OptimisticLockingFailureException.class, PessimisticLockingFailureException.class })
	ResponseEntity<ProblemDetail> concurrentChange(Exception ex) {
		log.warn("Concurrent change refused: {}", ex.toString());
		return answer(
				Problems.of(ProblemKind.CONFLICT, "Someone else changed this at the same time; reload and try again"));
	}

	/**
	 * No database connection came free within the pool's timeout (overload), or the
	 * database does not answer: nothing was done, the client may try again shortly.
	 */
	@ExceptionHandler({ CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
			TransientDataAccessResourceException.class })
	ResponseEntity<ProblemDetail> unavailable(Exception ex) {
		log.warn("Answered 503, the database is busy or unreachable: {}", ex.toString());
		ProblemDetail problem = Problems.of(ProblemKind.SERVICE_UNAVAILABLE,
				"The server is busy; nothing was changed, try again in a few seconds");
		return ResponseEntity.status(problem.getStatus())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
			.body(problem);
	}

	@ExceptionHandler(AccessDeniedException.class)
	ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException ex) {
		return answer(Problems.of(ProblemKind.FORBIDDEN, "Your role does not allow this action"));
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException ex) {
		List<FieldError> errors = ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldError(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList();
		return answer(Problems.of(ProblemKind.VALIDATION_FAILED, describe(errors), errors));
	}

	/**
	 * A multipart body the server cannot take apart: 422 when a file name is invalid
	 * (Tomcat refuses a NUL in it before any controller runs), 400 otherwise; never 500.
	 * Too large a body is answered 413 by the base class.
	 */
	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException ex) {
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getClass().getSimpleName().equals("InvalidFileNameException")) {
				String name = printable(String.valueOf(cause.getMessage()).replaceFirst("^Invalid file name: ", ""));
				String message = english
						? "the file name contains a NUL or another invalid character; rename the"
								+ " file and send it again"
						: "tên tệp chứa ký tự NUL hoặc ký tự không hợp lệ; hãy đổi tên tệp rồi gửi lại";
				// "file-name" is the reason code the documents feature gives
				// every other refused file name.
				return answer(Problems.of(ProblemKind.VALIDATION_FAILED, "'" + name + "': " + message,
						List.of(new FieldError("files", "'" + name + "': " + message, "file-name", name))));
			}
		}
		return answer(Problems.of(ProblemKind.MALFORMED_REQUEST,
				english ? "The multipart body cannot be read" : "Không đọc được phần thân multipart của yêu cầu"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		log.error("Unexpected failure while answering an API call", ex);
		return answer(Problems.of(ProblemKind.INTERNAL_ERROR,
				"The server failed to answer; the failure has been logged for the operators"));
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getBindingResult()
			.getFieldErrors()
			.forEach((error) -> errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldError(error.getObjectName(), error.getDefaultMessage())));
		return raw(Problems.of(ProblemKind.VALIDATION_FAILED, describe(errors), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldError> errors = new ArrayList<>();
		ex.getParameterValidationResults()
			.forEach((result) -> result.getResolvableErrors()
				.forEach((error) -> errors
					.add(new FieldError(result.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
		return raw(Problems.of(ProblemKind.VALIDATION_FAILED, describe(errors), errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Throwable cause = ex.getCause();
		if (cause instanceof UnrecognizedPropertyException unknown) {
			String field = path(unknown);
			return raw(Problems.of(ProblemKind.MALFORMED_REQUEST, "Unknown field '" + field + "'",
					List.of(new FieldError(field, "unknown field"))));
		}
		if (cause instanceof InvalidFormatException invalid) {
			String field = path(invalid);
			return raw(Problems.of(ProblemKind.MALFORMED_REQUEST,
					"Field '" + field + "' has a value of the wrong type or format",
					List.of(new FieldError(field, "cannot read value '" + invalid.getValue() + "'"))));
		}
		if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
			String field = path(mismatched);
			return raw(Problems.of(ProblemKind.MALFORMED_REQUEST, "Field '" + field + "' has the wrong shape",
					List.of(new FieldError(field, "wrong JSON type"))));
		}
		if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
			String field = path(mapping);
			Throwable reason = (mapping.getCause() != null) ? mapping.getCause() : mapping;
			String message = (reason instanceof JsonMappingException inner) ? inner.getOriginalMessage()
					: reason.getMessage();
			return raw(Problems.of(ProblemKind.MALFORMED_REQUEST, "Field '" + field + "' is invalid: " + message,
					List.of(new FieldError(field, message))));
		}
		return raw(Problems.of(ProblemKind.MALFORMED_REQUEST, "The request body is missing or is not valid JSON"));
	}

	@Override
	protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex.getPropertyName() != null) ? ex.getPropertyName() : "parameter";
		return raw(Problems.of(ProblemKind.MALFORMED_REQUEST,
				"Parameter '" + field + "' has an invalid value '" + ex.getValue() + "'",
				List.of(new FieldError(field, "invalid value"))));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return raw(Problems.of(ProblemKind.MALFORMED_REQUEST, "Parameter '" + ex.getParameterName() + "' is required",
				List.of(new FieldError(ex.getParameterName(), "required"))));
	}

	@Override
	protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		return raw(Problems.of(ProblemKind.NOT_FOUND, "No such path: " + ex.getRequestURL()));
	}

	@Override
	protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String path = (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI()
				: "/" + ex.getResourcePath();
		// GET /api/v1/dossiers/ : the code left out, not a missing page
		return raw(Problems.of(ProblemKind.NOT_FOUND,
				"No such path: " + printable(path) + (path.endsWith("/")
						? " (phần cuối của đường dẫn bị trống, ví dụ mã hồ sơ / the last part of the path is empty,"
								+ " e.g. the dossier code)"
						: "")));
	}

	@Override
	protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return raw(Problems.of(ProblemKind.METHOD_NOT_ALLOWED, "Method " + ex.getMethod() + " is not supported here"));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return raw(Problems.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
				"Content type " + ex.getContentType() + " is not supported; send application/json"));
	}

	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return raw(Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, "The upload is larger than the server accepts"));
	}

	/** Control characters written as backslash escapes, at most 120 characters. */
	private static String printable(String text) {
		StringBuilder shown = new StringBuilder();
		text.codePoints().forEach((c) -> {
			if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT || c == '\'') {
				shown.append(String.format(java.util.Locale.ROOT, "\\u%04X", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		return (shown.length() > 120) ? shown.substring(0, 120) + "…" : shown.toString();
	}

	private static String describe(List<FieldError> errors) {
		return errors.stream()
			.map((error) -> error.field() + ": " + error.message())
			.collect(Collectors.joining("; ", "Invalid input: ", ""));
	}

	private static String path(JsonMappingException ex) {
		return ex.getPath().stream().map((reference) -> {
			if (reference.getFieldName() != null) {
				return reference.getFieldName();
			}
			return "[" + reference.getIndex() + "]";
		}).collect(Collectors.joining(".")).replace(".[", "[");
	}

	private static String lastNode(String propertyPath) {
		int dot = propertyPath.indexOf('.');
		return (dot >= 0) ? propertyPath.substring(dot + 1) : propertyPath;
	}

	private static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
		logProblem(problem);
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ResponseEntity<Object> raw(ProblemDetail problem) {
		logProblem(problem);
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static void logProblem(ProblemDetail problem) {
		if (problem.getStatus() < 500) {
			log.warn("API answered {} {}: {}", problem.getStatus(), problem.getTitle(), problem.getDetail());
		}
	}

}
