package io.motcua.app.security;

import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.NodeProcess;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application processes on one database: a lock made by failed logins on one node
 * holds on the other and an administrator's unlock on one frees the account on both; a
 * member of staff disabled, given other roles or a new password on one node loses their
 * remembered API login on the other at the next request and their web session within
 * seconds. The waits between failures are off here (the nodes have their own clocks); the
 * locks are not.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "motcua.security.login.delay=PT0S")
class StaffChangesAcrossNodesIT extends ApplicationIT {

	private static final String PASSWORD = "mat-khau-2026";

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@Autowired
	private Environment environment;

	private Process other;

	private int otherPort;

	@BeforeAll
	void startTheOtherNode() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			this.otherPort = socket.getLocalPort();
		}
		this.other = NodeProcess.start("staff-changes", this.otherPort, this.environment,
				"--camunda.bpm.job-execution.enabled=false", "--motcua.security.login.delay=PT0S");
		Awaitility.await()
			.atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(500))
			.ignoreExceptions()
			.until(() -> !this.other.isAlive() || get(this.otherPort, "/actuator/health", null).statusCode() == 200);
		assertThat(this.other.isAlive()).as("the other node runs (see target/staff-changes.log)").isTrue();
	}

	@AfterAll
	void stopTheOtherNode() throws InterruptedException {
		if (this.other != null) {
			this.other.destroy();
			this.other.waitFor(30, TimeUnit.SECONDS);
			this.other.destroyForcibly();
		}
	}

	@Test
	void aLockMadeOnOneNodeHoldsOnTheOtherAndAnUnlockOnEitherFreesBoth() {
		String user = newStaff("two-nodes-lock");
		for (int i = 0; i < 5; i++) {
			assertThat(basic(this.port, user, "doan-mat-khau").get("/api/v1/procedures").status()).isEqualTo(401);
		}
		Api.Reply elsewhere = basic(this.otherPort, user, PASSWORD).get("/api/v1/procedures");
		assertThat(elsewhere.status()).isEqualTo(429);
		assertThat(Long.parseLong(elsewhere.retryAfter())).isBetween(600L, 900L);

		assertThat(Api.as(this.otherPort, "admin").post("/api/v1/staff/" + user + "/unlock", "").status())
			.isEqualTo(204);
		assertThat(basic(this.port, user, PASSWORD).get("/api/v1/procedures").status()).isEqualTo(200);
	}

	@Test
	void disablingAMemberOfStaffOnOneNodeEndsTheirAccessOnTheOther() throws Exception {
		String user = newStaff("two-nodes-off");
		String session = formLogin(this.otherPort, user, PASSWORD);
		Api api = Api.as(this.otherPort, user, PASSWORD);
		assertThat(get(this.otherPort, "/counter", session).statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/procedures").status()).as("remembered by the other node").isEqualTo(200);
		assertThat(api.get("/api/v1/procedures").status()).isEqualTo(200);

		long changed = System.nanoTime();
		assertThat(as("admin").patch("/api/v1/staff/" + user, Map.of("roles", List.of("CLERK"), "enabled", false))
			.status()).isEqualTo(200);
		assertThat(api.get("/api/v1/procedures").status()).as("the next request on the other node").isEqualTo(401);
		awaitSessionEnded(session, changed, "disabled");
	}

	@Test
	void newRolesOrANewPasswordOnOneNodeEndTheSessionsOnTheOther() throws Exception {
		String user = newStaff("two-nodes-change");
		String session = formLogin(this.otherPort, user, PASSWORD);
		assertThat(get(this.otherPort, "/counter", session).statusCode()).isEqualTo(200);
		long changed = System.nanoTime();
		assertThat(as("admin").patch("/api/v1/staff/" + user, Map.of("roles", List.of("SPECIALIST"), "enabled", true))
			.status()).isEqualTo(200);
		awaitSessionEnded(session, changed, "given other roles");
		String again = formLogin(this.otherPort, user, PASSWORD);
		assertThat(get(this.otherPort, "/worklist", again).body()).as("logged in with the new roles")
			.doesNotContain("href=\"/counter\"");

		Api api = Api.as(this.otherPort, user, PASSWORD);
		assertThat(api.get("/api/v1/procedures").status()).isEqualTo(200);
		changed = System.nanoTime();
		assertThat(as("admin").post("/api/v1/staff/" + user + "/password", Map.of("password", "mat-khau-moi-2026"))
			.status()).isEqualTo(204);
		assertThat(api.get("/api/v1/procedures").status()).as("the old password, remembered before").isEqualTo(401);
		awaitSessionEnded(again, changed, "given a new password");
		assertThat(Api.as(this.otherPort, user, "mat-khau-moi-2026").get("/api/v1/procedures").status()).isEqualTo(200);
	}

	/** Polls the other node until the session is gone; reports how long it took. */
	private void awaitSessionEnded(String session, long changedNanos, String what) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(get(this.otherPort, "/counter", session).statusCode()).isEqualTo(302));
		System.out.printf("Session on the other node ended %d ms after the member was %s%n",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - changedNanos), what);
	}

	private String newStaff(String prefix) {
		String username = prefix + "-" + System.nanoTime() % 100000;
		Api.Reply added = as("admin").post("/api/v1/staff", Map.of("username", username, "fullName", "Phạm Thị Nút",
				"unitCode", "TRANBIEN", "roles", List.of("CLERK"), "password", PASSWORD));
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		return username;
	}

	private static Api basic(int port, String user, String password) {
		return Api.as(port, user, password).withHeader("X-Forwarded-For", "203.0.113.71");
	}

	/** Logs in with the form, as a browser does; answers the session cookie. */
	private String formLogin(int port, String user, String password) throws Exception {
		HttpResponse<String> form = get(port, "/login", null);
		String cookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		Matcher csrf = CSRF.matcher(form.body());
		assertThat(csrf.find()).isTrue();
		HttpResponse<String> loggedIn = this.http.send(HttpRequest.newBuilder(uri(port, "/login"))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password + "&_csrf="
					+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(loggedIn.statusCode()).isEqualTo(302);
		assertThat(loggedIn.headers().firstValue("Location").orElse("")).doesNotContain("error", "locked");
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

}
