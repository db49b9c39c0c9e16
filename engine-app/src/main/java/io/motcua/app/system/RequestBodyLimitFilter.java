package io.motcua.app.system;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses JSON bodies larger than {@code motcua.api.max-json-body-bytes} before anything
 * parses them, with a 413 problem. Uploads (multipart) have their own limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final ApiProperties properties;

	private final ObjectMapper objectMapper;

	RequestBodyLimitFilter(ApiProperties properties, ObjectMapper objectMapper) {
		this.properties = properties;
		this.objectMapper = objectMapper;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getContentType();
		boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
		long length = request.getContentLengthLong();
		if (!multipart && length > this.properties.maxJsonBodyBytes()) {
			response.setStatus(ProblemKind.PAYLOAD_TOO_LARGE.status().value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.objectMapper.writeValue(response.getOutputStream(),
					Problems.of(ProblemKind.PAYLOAD_TOO_LARGE, "The request body has " + length
							+ " bytes; the API accepts at most " + this.properties.maxJsonBodyBytes()));
			return;
		}
		chain.doFilter(request, response);
	}

}
