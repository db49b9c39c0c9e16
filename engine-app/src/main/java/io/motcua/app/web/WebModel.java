package io.motcua.app.web;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * What every page of the web UI needs (the caller, for the navigation) and the error page
 * for problems no screen handles itself. Scoped to this package, so the API keeps its
 * problem details.
 */
@ControllerAdvice(basePackageClasses = WebModel.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebModel {

	private static final Logger log = LoggerFactory.getLogger(WebModel.class);

	private final StaffDirectory directory;

	WebModel(StaffDirectory directory) {
		this.directory = directory;
	}

	@ModelAttribute("me")
	Caller me() {
		return this.directory.currentCallerIfAny().orElse(null);
	}

	@ExceptionHandler(ProblemException.class)
	String problem(ProblemException ex, Model model, HttpServletResponse response) {
		log.warn("Web request refused: {} {}", ex.kind(), ex.getMessage());
		response.setStatus(ex.kind().status().value());
		ex.retryAfter()
			.ifPresent((wait) -> response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
		model.addAttribute("me", me());
		model.addAttribute("status", ex.kind().status().value());
		model.addAttribute("kind", ex.kind().name());
		model.addAttribute("detail", ex.getMessage());
		return "error-page";
	}

	/**
	 * A screen the caller's role does not open ({@code @PreAuthorize} on an admin
	 * screen): the forbidden page, not the API's problem JSON.
	 */
	@ExceptionHandler(AccessDeniedException.class)
	String accessDenied(AccessDeniedException ex, Model model, HttpServletResponse response) {
		return problem(
				ProblemException
					.forbidden("Vai trò của bạn không được mở trang này / Your role does not open this page"),
				model, response);
	}

	/** Field errors by field path, for messages next to the fields. */
	static Map<String, String> byField(ProblemException ex) {
		return ex.errors()
			.stream()
			.collect(Collectors.toMap(FieldError::field, FieldError::message, (a, b) -> a + "; " + b,
					java.util.LinkedHashMap::new));
	}

}
