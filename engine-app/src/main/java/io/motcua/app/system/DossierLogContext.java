package io.motcua.app.system;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the dossier code of a request into the logging context ({@code dossier}), so that
 * an operator can follow one dossier through the logs. The workflow does the same around
 * engine listeners and jobs. Never anything personal.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DossierLogContext extends OncePerRequestFilter {

	/** MDC key of the dossier code. */
	public static final String DOSSIER = "dossier";

	/** MDC key of the process instance id. */
	public static final String PROCESS_INSTANCE = "processInstance";

	private static final Pattern DOSSIER_PATH = Pattern.compile("^/(?:api|public)/v1/dossiers/([A-Za-z0-9.-]{1,60})");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Matcher matcher = DOSSIER_PATH.matcher(request.getRequestURI());
		if (!matcher.find()) {
			chain.doFilter(request, response);
			return;
		}
		try (MDC.MDCCloseable dossier = MDC.putCloseable(DOSSIER, matcher.group(1))) {
			chain.doFilter(request, response);
		}
	}

}
