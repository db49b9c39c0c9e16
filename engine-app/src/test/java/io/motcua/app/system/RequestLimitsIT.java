package io.motcua.app.system;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits that hold whatever the framing: a JSON body over the limit sent in chunks (no
 * length announced) is refused with 413 before anything parses it; one under the limit
 * goes through; compressed bodies are refused (nothing unpacks them). Every answer, page
 * or API, carries the Content-Security-Policy and the Referrer-Policy.
 */
class RequestLimitsIT extends ApplicationIT {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aChunkedBodyOverTheLimitIsRefusedBeforeItIsParsed() throws Exception {
		int dossiers = countRows("dossier");
		// Not even JSON: had it been parsed, the answer would be 400
		byte[] body = ("{\"procedureCode\": \"" + "x".repeat(400_000)).getBytes(StandardCharsets.US_ASCII);
		HttpResponse<String> answer = this.http.send(
				post("/api/v1/dossiers").header("Content-Type", "application/json").POST(chunked(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(413);
		assertThat(answer.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(JSON.readTree(answer.body()).path("type").asText())
			.isEqualTo("urn:motcua:problem:payload-too-large");
		assertThat(countRows("dossier")).isEqualTo(dossiers);
	}

	@Test
	void aChunkedBodyUnderTheLimitIsRead() throws Exception {
		byte[] body = JSON.writeValueAsBytes(application(PROCEDURE));
		HttpResponse<String> answer = this.http.send(
				post("/api/v1/dossiers").header("Content-Type", "application/json").POST(chunked(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
	}

	@Test
	void aCompressedBodyIsRefusedWith415() throws Exception {
		int dossiers = countRows("dossier");
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
			gzip.write(JSON.writeValueAsBytes(application(PROCEDURE)));
		}
		HttpResponse<String> answer = this.http.send(post("/api/v1/dossiers").header("Content-Type", "application/json")
			.header("Content-Encoding", "gzip")
			.POST(HttpRequest.BodyPublishers.ofByteArray(zipped.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(415);
		assertThat(answer.headers().firstValue("Accept-Encoding")).hasValue("identity");
		JsonNode problem = JSON.readTree(answer.body());
		assertThat(problem.path("type").asText()).isEqualTo("urn:motcua:problem:unsupported-media-type");
		assertThat(countRows("dossier")).isEqualTo(dossiers);
	}

	@Test
	void pagesAndApiAnswersCarryTheContentSecurityAndReferrerPolicies() throws Exception {
		for (String path : new String[] { "/login", "/lookup", "/css/motcua.css", "/api/v1/procedures",
				"/public/v1/dossiers/X-1?secret=S" }) {
			HttpResponse<String> answer = this.http.send(
					HttpRequest.newBuilder(uri(path)).header("Authorization", basic("clerk", "demo")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.headers().firstValue("Content-Security-Policy")).as(path)
				.hasValue("default-src 'self'; script-src 'self'; style-src 'self'; "
						+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
			assertThat(answer.headers().firstValue("Referrer-Policy")).as(path).hasValue("no-referrer");
		}
		HttpResponse<String> login = this.http.send(HttpRequest.newBuilder(uri("/login")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(login.body()).doesNotContain("<script>", "onclick=", "style=\"");
	}

	private HttpRequest.Builder post(String path) {
		return HttpRequest.newBuilder(uri(path)).header("Authorization", basic("clerk", "demo"));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	/** A body of unknown length: the client sends it in chunks. */
	private static HttpRequest.BodyPublisher chunked(byte[] body) {
		return HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
	}

	private static String basic(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

}
