package io.motcua.app.security;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import io.motcua.app.ApplicationIT;
import io.motcua.app.NodeProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web sessions live in the database: a member of staff who logged in on one node is
 * logged in on every other (no sticky sessions behind the proxy), and logging out on one
 * ends the session everywhere.
 */
class SharedSessionsIT extends ApplicationIT {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	private Environment environment;

	@Test
	void aLoginOnOneNodeHoldsOnAnotherUntilLogout() throws Exception {
		int otherPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			otherPort = socket.getLocalPort();
		}
		Process other = NodeProcess.start("shared-sessions", otherPort, this.environment,
				"--camunda.bpm.job-execution.enabled=false");
		try {
			String session = login(this.port, "specialist");
			Awaitility.await()
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> !other.isAlive() || get(otherPort, "/actuator/health", null).statusCode() == 200);
			assertThat(other.isAlive()).as("the other node runs (see target/shared-sessions.log)").isTrue();

			HttpResponse<String> worklist = get(otherPort, "/worklist", session);
			assertThat(worklist.statusCode()).isEqualTo(200);
			assertThat(worklist.body()).as("logged in as the specialist of TRANBIEN")
				.contains("(TRANBIEN)", "action=\"/logout\"");

			// Log out on the other node: the first node no longer knows the session
			// either
			HttpResponse<String> page = get(otherPort, "/worklist", session);
			String token = csrf(page.body());
			HttpResponse<String> logout = this.http.send(HttpRequest.newBuilder(uri(otherPort, "/logout"))
				.header("Cookie", session)
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(logout.statusCode()).isEqualTo(302);
			HttpResponse<String> after = get(this.port, "/worklist", session);
			assertThat(after.statusCode()).isEqualTo(302);
			assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login");
		}
		finally {
			other.destroy();
			other.waitFor(30, TimeUnit.SECONDS);
			other.destroyForcibly();
		}
	}

	/** Logs in with the form, as a browser does; answers the session cookie. */
	private String login(int port, String user) throws Exception {
		HttpResponse<String> form = get(port, "/login", null);
		String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		HttpResponse<String> loggedIn = this.http.send(HttpRequest.newBuilder(uri(port, "/login"))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
					+ URLEncoder.encode(csrf(form.body()), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return loggedIn.headers().firstValue("Set-Cookie").map((value) -> value.split(";")[0]).orElse(cookie);
	}

	private HttpResponse<String> get(int port, String path, String cookie) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, path)).timeout(Duration.ofSeconds(30));
		if (cookie != null) {
			request.header("Cookie", cookie);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String csrf(String html) {
		Matcher matcher = CSRF.matcher(html);
		assertThat(matcher.find()).as("a CSRF token on the page").isTrue();
		return matcher.group(1);
	}

}
