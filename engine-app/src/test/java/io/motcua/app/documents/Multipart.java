package io.motcua.app.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A small multipart/form-data client for the document endpoints, on java.net.http.
 */
public final class Multipart {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String boundary = "motcua-" + UUID.randomUUID();

	private final List<byte[]> chunks = new ArrayList<>();

	public Multipart json(String name, Object value) {
		try {
			return part(name, null, "application/json", JSON.writeValueAsBytes(value));
		}
		catch (IOException ex) {
			throw new IllegalArgumentException(ex);
		}
	}

	public Multipart text(String name, String value) {
		return part(name, null, "text/plain; charset=utf-8", value.getBytes(StandardCharsets.UTF_8));
	}

	public Multipart file(String name, String fileName, byte[] bytes) {
		return part(name, fileName, "application/octet-stream", bytes);
	}

	private Multipart part(String name, String fileName, String contentType, byte[] bytes) {
		StringBuilder head = new StringBuilder("--").append(this.boundary)
			.append("\r\nContent-Disposition: form-data; name=\"")
			.append(name)
			.append('"');
		if (fileName != null) {
			head.append("; filename=\"").append(fileName).append('"');
		}
		head.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
		this.chunks.add(head.toString().getBytes(StandardCharsets.UTF_8));
		this.chunks.add(bytes);
		this.chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
		return this;
	}

	public Reply post(int port, String user, String path) {
		return send(
				authorized(port, user, path).header("Content-Type", "multipart/form-data; boundary=" + this.boundary)
					.POST(HttpRequest.BodyPublishers.ofByteArray(body()))
					.build());
	}

	/** Posts with these headers only (a machine client's API key, an idempotency key). */
	public Reply post(int port, String path, java.util.Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(120))
			.header("Content-Type", "multipart/form-data; boundary=" + this.boundary);
		headers.forEach(request::header);
		return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body())).build());
	}

	private byte[] body() {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		this.chunks.forEach(body::writeBytes);
		body.writeBytes(("--" + this.boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return body.toByteArray();
	}

	public static Reply get(int port, String user, String path) {
		return send(authorized(port, user, path).GET().build());
	}

	private static HttpRequest.Builder authorized(int port, String user, String path) {
		String token = Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(120))
			.header("Authorization", "Basic " + token);
	}

	private static Reply send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.body(), response.headers());
		}
		catch (IOException ex) {
			throw new IllegalStateException("Call failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status HTTP status
	 * @param bytes body
	 * @param headers headers
	 */
	public record Reply(int status, byte[] bytes, java.net.http.HttpHeaders headers) {

		public JsonNode json() {
			try {
				return (this.bytes.length == 0) ? MissingNode.getInstance() : JSON.readTree(this.bytes);
			}
			catch (IOException ex) {
				throw new IllegalStateException("Not JSON: " + new String(this.bytes, StandardCharsets.UTF_8), ex);
			}
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
