package io.motcua.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small HTTP client for integration tests: calls the running application as a given
 * user and returns status, headers and the JSON body without throwing on 4xx/5xx.
 */
public final class Api {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String baseUrl;

	private final String user;

	private final String password;

	private final Map<String, String> headers;

	private Api(String baseUrl, String user, String password) {
		this(baseUrl, user, password, Map.of());
	}

	private Api(String baseUrl, String user, String password, Map<String, String> headers) {
		this.baseUrl = baseUrl;
		this.user = user;
		this.password = password;
		this.headers = headers;
	}

	/** The same client sending one more header with every request. */
	public Api withHeader(String name, String value) {
		Map<String, String> more = new java.util.LinkedHashMap<>(this.headers);
		more.put(name, value);
		return new Api(this.baseUrl, this.user, this.password, Map.copyOf(more));
	}

	public static Api anonymous(int port) {
		return new Api("http://localhost:" + port, null, null);
	}

	public static Api as(int port, String user) {
		return new Api("http://localhost:" + port, user, "demo");
	}

	public static Api as(int port, String user, String password) {
		return new Api("http://localhost:" + port, user, password);
	}

	public Reply get(String path) {
		return send(request(path).GET());
	}

	public Reply post(String path, Object body) {
		return postRaw(path, (body instanceof String text) ? text : write(body), "application/json");
	}

	public Reply put(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
	}

	public Reply patch(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
	}

	public Reply delete(String path) {
		return send(request(path).DELETE());
	}

	public Reply postRaw(String path, String body, String contentType) {
		return send(request(path).header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		this.headers.forEach(builder::header);
		if (this.user != null) {
			String token = Base64.getEncoder()
				.encodeToString((this.user + ":" + this.password).getBytes(StandardCharsets.UTF_8));
			builder.header("Authorization", "Basic " + token);
		}
		return builder;
	}

	private static Reply send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = (response.body() == null || response.body().isBlank()) ? MissingNode.getInstance()
					: JSON.readTree(response.body());
			return new Reply(response.statusCode(), body, response.headers().firstValue("Location").orElse(null),
					response.headers().firstValue("Content-Type").orElse(null),
					response.headers().firstValue("Retry-After").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Call failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String write(Object body) {
		try {
			return JSON.writeValueAsString(body);
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status HTTP status
	 * @param body JSON body, missing node when empty
	 * @param location Location header
	 * @param contentType Content-Type header
	 * @param retryAfter Retry-After header (of a 503)
	 */
	public record Reply(int status, JsonNode body, String location, String contentType, String retryAfter) {

		public String text(String field) {
			return this.body.path(field).asText(null);
		}

	}

}
