package io.motcua.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
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
import org.springframework.test.context.ContextCustomizerFactories;

import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the integration tests: the whole application on a random port against
 * PostgreSQL, with the demo organisation, called over HTTP as the demo users. Each test
 * class has a database (and so an application) of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("it")
@ContextConfiguration(initializers = PostgresTestDatabase.class)
@ContextCustomizerFactories(DatabasePerTestClass.class)
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
		body.put("formData", formData(procedureCode));
		// The counter's checklist: every required document received on paper
		body.put("paperOriginals",
				requiredDocuments(procedureCode).stream()
					.map((type) -> Map.of("documentType", type, "copies", 1))
					.toList());
		return body;
	}

	/** The application without its paper ticks: for files only, or none at all. */
	protected static Map<String, Object> withoutPaper(Map<String, Object> application) {
		Map<String, Object> body = new LinkedHashMap<>(application);
		body.remove("paperOriginals");
		return body;
	}

	/** The required document types of each shipped procedure. */
	protected static List<String> requiredDocuments(String procedureCode) {
		return switch (procedureCode) {
			case "HKD-01" -> List.of("GIAY_DE_NGHI", "GIAY_TO_PHAP_LY_CA_NHAN");
			case "CTBS-01" -> List.of("BAN_CHINH", "BAN_SAO_CAN_CHUNG_THUC");
			case "KH-01" -> List.of("TO_KHAI_KET_HON", "CCCD_HAI_BEN");
			case "GPXD-01" -> List.of("DON_DE_NGHI_CAP_GPXD", "GIAY_TO_QUYEN_SU_DUNG_DAT", "BAN_VE_THIET_KE");
			case "CMD-01" -> List.of("DON_DANG_KY_BIEN_DONG", "GIAY_CHUNG_NHAN");
			default -> List.of();
		};
	}

	/**
	 * A valid application form of each shipped procedure (the applicant section comes
	 * separately).
	 */
	protected static Map<String, Object> formData(String procedureCode) {
		return switch (procedureCode) {
			case "HKD-01" -> Map.of("business",
					Map.of("name", "Cửa hàng tạp hóa Hoa Sen", "ownership", "individual", "line", "Bán lẻ hàng tạp hóa",
							"capital", 50_000_000, "employeeCount", 2, "address",
							"15 Đường Cách Mạng Tháng Tám, Phường Trấn Biên", "startDate", "2026-12-01"),
					"commitment", true);
			case "CTBS-01" ->
				Map.of("document", Map.of("name", "Bằng tốt nghiệp đại học", "language", "vi", "pageCount", 1),
						"copyCount", 3, "delivery", Map.of("method", "counter"));
			case "KH-01" ->
				Map.of("applicantDetails", Map.of("dateOfBirth", "1995-04-12", "maritalHistory", "never"), "spouse",
						Map.of("fullName", "Trần Thị Bích", "dateOfBirth", "1997-08-03", "nationality", "VN",
								"identityNumber", "079197001111", "residence", "Xã Long Thành, Đồng Nai"),
						"marriage", Map.of("requestedDate", "2026-12-15"), "commitment", true);
			case "GPXD-01" -> Map.of("plot",
					Map.of("number", "125", "mapSheet", "12", "area", 120, "certificateNumber", "CS 01234", "address",
							"Tổ 5, Phường Trấn Biên"),
					"construction",
					Map.of("kind", "new", "floors", 3, "buildingArea", 100, "totalFloorArea", 300, "height", 12));
			case "CMD-01" -> Map.of("plot",
					Map.of("number", "88", "mapSheet", "7", "area", 500, "certificateNumber", "CT 00987", "address",
							"Ấp 3, Xã Long Thành"),
					"landUse", Map.of("currentPurpose", "CLN", "requestedPurpose", "ONT", "changeArea", 100, "term",
							"permanent", "reason", "Xây nhà ở cho gia đình"),
					"commitment", true);
			default -> Map.of();
		};
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

	/**
	 * Takes a dossier under review through review (propose approval), approval and
	 * signing, each as the role that does it, and waits for its result to be ready.
	 */
	protected void walkToResultReady(String code) {
		assertThat(complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
				"PROPOSE_APPROVAL")
			.status()).isEqualTo(204);
		assertThat(complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE")
			.status()).isEqualTo(204);
		assertThat(complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN").status())
			.isEqualTo(204);
		awaitStatus(code, "RESULT_READY");
	}

	/**
	 * Waits until the dossier reaches {@code status}: the seal and verification after
	 * signing run in the engine's job executor, a moment after the approver's request
	 * returns.
	 */
	protected void awaitStatus(String dossierCode, String status) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(100))
			.untilAsserted(() -> assertThat(status("clerk", dossierCode)).isEqualTo(status));
	}

	/**
	 * Waits until every reaction after commit about this dossier (receipt, letters,
	 * inboxes) has run: the event publication registry holds none of its events any more.
	 */
	protected void awaitReactions(String dossierCode) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(
					this.jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
							Integer.class, "%\"dossierCode\":\"" + dossierCode + "\"%"))
				.as("reactions about " + dossierCode + " still to run")
				.isZero());
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
