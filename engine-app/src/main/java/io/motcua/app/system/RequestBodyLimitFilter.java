package io.motcua.app.system;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code motcua.api.max-json-body-bytes} before
 * anything parses them, with a 413 problem. A body that announces its length is judged by
 * it; a body of unknown length (sent in chunks) is read up to one byte past the limit
 * into memory first, and handed on only when it fits. Bodies with a
 * {@code Content-Encoding} (gzip, ...) are refused with 415: nothing here unpacks them,
 * so none can grow past the limit after it was checked. Uploads (multipart) have their
 * own limits; form posts in chunks are read by Tomcat within its own maximum.
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
		String encoding = request.getHeader(HttpHeaders.CONTENT_ENCODING);
		if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.trim())) {
			response.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
			refuse(response, Problems.of(ProblemKind.UNSUPPORTED_MEDIA_TYPE,
					"Request bodies with Content-Encoding " + encoding + " are not accepted; send them uncompressed"));
			return;
		}
		String contentType = request.getContentType();
		String type = (contentType != null) ? contentType.toLowerCase(Locale.ROOT) : "";
		if (type.startsWith("multipart/")) {
			chain.doFilter(request, response);
			return;
		}
		long limit = this.properties.maxJsonBodyBytes();
		long length = request.getContentLengthLong();
		if (length > limit) {
			refuse(response, tooLarge(length + " bytes", limit));
			return;
		}
		// Tomcat reads form posts itself (parameters), within its own maximum
		if (length >= 0 || type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
		if (body.length > limit) {
			refuse(response, tooLarge("more than " + limit + " bytes", limit));
			return;
		}
		chain.doFilter((body.length > 0) ? new ReadBody(request, body) : request, response);
	}

	private static ProblemDetail tooLarge(String size, long limit) {
		return Problems.of(ProblemKind.PAYLOAD_TOO_LARGE,
				"The request body has " + size + "; the API accepts at most " + limit);
	}

	private void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
		// The rest of the body is not read: the connection closes after the answer
		response.setHeader(HttpHeaders.CONNECTION, "close");
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.objectMapper.writeValue(response.getOutputStream(), problem);
	}

	/** The request with its body already read, which fitted the limit. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("The body was read already");
				}

			};
		}

		@Override
		public BufferedReader getReader() throws IOException {
			String encoding = getCharacterEncoding();
			return new BufferedReader(new InputStreamReader(getInputStream(),
					(encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
