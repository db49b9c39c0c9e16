package io.motcua.app.system;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import io.motcua.app.MotcuaApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With its database gone, a node answers at once and clearly, and serves again when the
 * database is back, without a restart: the health says DOWN (503) within a second
 * (readiness too; liveness stays UP), the API answers 503 with {@code Retry-After} and
 * its problem type within the pool's five seconds, never 500. The database is an embedded
 * PostgreSQL that the test stops and starts again on the same port and data.
 */
@Tag("integration")
class DatabaseOutageIT {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void aNodeWithoutItsDatabaseSaysSoAtOnceAndRecoversWithoutARestart() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path data = Files.createTempDirectory("motcua-outage-pg");
		EmbeddedPostgres database = start(port, data);
		ConfigurableApplicationContext app = null;
		try {
			app = new SpringApplicationBuilder(MotcuaApplication.class).profiles("it")
				.run("--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
						"--spring.datasource.username=postgres", "--spring.datasource.password=", "--server.port=0",
						"--camunda.bpm.job-execution.enabled=false", "--spring.main.banner-mode=off",
						"--motcua.documents.storage-dir=" + data.resolveSibling(data.getFileName() + "-documents"));
			int web = ((WebServerApplicationContext) app).getWebServer().getPort();
			assertThat(get(web, "/actuator/health", null, 3).statusCode()).isEqualTo(200);
			assertThat(get(web, "/api/v1/dossiers", "clerk", 10).statusCode()).isEqualTo(200);
			HttpResponse<String> registered = HTTP
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + web + "/api/v1/admin/api-clients"))
					.header("Authorization", basic("admin"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"name\":\"outage-reader\",\"scopes\":[\"dossiers:read\"]}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(registered.statusCode()).isEqualTo(201);
			String key = registered.body().replaceAll(".*\"apiKey\":\"([^\"]+)\".*", "$1");

			database.close();

			// The health answers within a second (the client waits no longer)
			HttpResponse<String> health = get(web, "/actuator/health", null, 1);
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"DOWN\"");
			assertThat(get(web, "/actuator/health/readiness", null, 1).statusCode()).isEqualTo(503);
			assertThat(get(web, "/actuator/health/liveness", null, 1).statusCode()).isEqualTo(200);
			// The API: 503 with Retry-After and its problem type, within the pool's 5 s
			HttpResponse<String> refused = get(web, "/api/v1/dossiers", "clerk", 8);
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused.body()).contains("service-unavailable");
			// A machine client's key cannot be checked either: busy, not refused
			HttpResponse<String> machine = HTTP.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + web + "/api/v1/dossiers/TRANBIEN-00000000-0000"))
				.timeout(Duration.ofSeconds(8))
				.header("X-API-Key", key)
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(machine.statusCode()).isEqualTo(503);
			assertThat(machine.headers().firstValue("Retry-After")).isPresent();

			database = start(port, data);
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> get(web, "/actuator/health", null, 3).statusCode() == 200);
			assertThat(get(web, "/api/v1/dossiers", "clerk", 10).statusCode()).isEqualTo(200);
		}
		finally {
			if (app != null) {
				app.close();
			}
			database.close();
			FileSystemUtils.deleteRecursively(data);
			FileSystemUtils.deleteRecursively(data.resolveSibling(data.getFileName() + "-documents"));
		}
	}

	/** The same database again: same port, same data. */
	private static EmbeddedPostgres start(int port, Path data) throws IOException {
		return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
	}

	private static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
	}

	private static HttpResponse<String> get(int port, String path, String user, int seconds) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(seconds))
			.header("Accept", "application/json");
		if (user != null) {
			request.header("Authorization", basic(user));
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
