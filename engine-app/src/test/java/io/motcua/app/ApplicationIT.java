package io.motcua.app;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: the whole application on a random port against
 * PostgreSQL, with the demo organisation, called over HTTP as the demo users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@Import(ApplicationIT.TestClockConfiguration.class)
@Tag("integration")
public abstract class ApplicationIT {

	@Autowired
	protected TestClock clock;

	/** A procedure of the shipped catalog handled by communes. */
	protected static final String PROCEDURE = "HKD-01";

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	protected Api as(String user) {
		return Api.as(this.port, user);
	}

	protected Api anonymous() {
		return Api.anonymous(this.port);
	}

	protected static Map<String, Object> application(String procedureCode) {
		Map<String, Object> applicant = new LinkedHashMap<>();
		applicant.put("fullName", "Nguyễn Văn An");
		applicant.put("identityNumber", "079203001234");
		applicant.put("phone", "0912345678");
		applicant.put("email", "an.nguyen@example.vn");
		applicant.put("address", "12 Đường Võ Thị Sáu, Phường Trấn Biên, Đồng Nai");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("procedureCode", procedureCode);
		body.put("channel", "COUNTER");
		body.put("applicant", applicant);
		body.put("formData", Map.of());
		return body;
	}

	/** Receives a dossier as {@code clerk} and answers its code. */
	protected String receiveDossier(String clerk) {
		Api.Reply reply = as(clerk).post("/api/v1/dossiers", application(PROCEDURE));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
		return reply.text("code");
	}

	/**
	 * The id of the open step of a dossier with this BPMN id, as {@code user} sees it.
	 */
	protected String openTask(String user, String dossierCode, String taskKey) {
		Api.Reply steps = as(user).get("/api/v1/dossiers/" + dossierCode + "/steps");
		assertThat(steps.status()).as(steps.body().toString()).isEqualTo(200);
		for (var step : steps.body()) {
			if (step.path("taskKey").asText().equals(taskKey) && step.path("completedAt").isNull()) {
				return step.path("id").asText();
			}
		}
		throw new AssertionError("Dossier " + dossierCode + " has no open step " + taskKey + ": " + steps.body());
	}

	protected Api.Reply complete(String user, String taskId, String outcome) {
		return as(user).post("/api/v1/tasks/" + taskId + "/complete", Map.of("outcome", outcome, "comment", "ok"));
	}

	protected String status(String user, String dossierCode) {
		return as(user).get("/api/v1/dossiers/" + dossierCode).text("status");
	}

	protected int countRows(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Integer.class);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class TestClockConfiguration {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
