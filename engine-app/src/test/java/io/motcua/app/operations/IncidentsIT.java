package io.motcua.app.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.dossier.DossierReceived;
import io.motcua.app.signature.SignatureProperties;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults made for real, seen and mended: a seal job that fails for good (the unit's seal
 * key store unreadable) is an incident the administrators list and run again, and the
 * dossier completes; a result that does not verify (sealed with a key nobody trusts)
 * leaves the dossier VERIFICATION_FAILED until it is sent back to signing and signed
 * again; a reaction that keeps failing leaves its dossier stuck. Every stuck dossier
 * reaches the supervisors' inbox and the {@code motcua.dossiers.stuck} gauge.
 */
@TestPropertySource(properties = { "motcua.signature.key-store-dir=target/incidents-it/keys",
		"motcua.metrics.gauge-refresh=PT0.5S", "motcua.reactions.retry-after=PT1S",
		"motcua.reactions.retry-interval=PT1S", "motcua.reactions.stuck-after=2" })
@Import(IncidentsIT.BrokenNotifier.class)
@AutoConfigureObservability(tracing = false)
class IncidentsIT extends ApplicationIT {

	@Autowired
	SignatureProperties signature;

	private Breakdowns breakdowns;

	@BeforeEach
	void faultsAtHand() {
		this.breakdowns = new Breakdowns(this.signature.keyStoreDir(), this.signature.keyStorePassword());
	}

	@AfterEach
	void mendEverything() {
		this.breakdowns.mendTheSealKey();
		BrokenNotifier.broken.set(false);
	}

	@Test
	void aSealJobThatFailsForGoodIsListedRetriedAndTheDossierCompletes() throws Exception {
		String code = approvedDossier();
		this.breakdowns.breakTheSealKey();
		assertThat(complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN").status())
			.isEqualTo(204);

		// The seal job fails three times, then waits for an administrator
		JsonNode job = awaitIncident(code);
		assertThat(job.path("stepId").asText()).isEqualTo(DossierLifecycle.TASK_APPLY_SEAL);
		assertThat(job.path("stepName").asText()).isEqualTo("Đóng dấu kết quả");
		assertThat(job.path("error").asText()).contains("TRANBIEN.p12");
		assertThat(job.path("attempts").asInt()).isEqualTo(3);
		assertThat(job.path("retriesLeft").asInt()).isZero();
		assertThat(job.path("incidentId").asText()).isNotBlank();
		assertThat(job.path("since").asText()).isNotBlank();
		assertThat(status("clerk", code)).isEqualTo("APPROVED");
		assertThat(stuck(code)).extracting((node) -> node.path("cause").asText()).containsExactly("INCIDENT");
		assertThat(timelineTypes(code)).contains("STUCK");
		assertThat(as("clerk").get("/api/v1/admin/incidents").status()).isEqualTo(403);
		assertThat(as("supervisor").get("/api/v1/admin/incidents").status()).isEqualTo(403);

		// The supervisors hear of it, and the gauge counts it
		assertThat(awaitInboxMessage("supervisor", code, "DOSSIER_STUCK")).contains("Đóng dấu kết quả", "TRANBIEN.p12");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stuckGauge("INCIDENT")).isGreaterThanOrEqualTo(1));

		// Mended and run again: the dossier goes on to its result
		this.breakdowns.mendTheSealKey();
		Api.Reply retried = as("admin").post("/api/v1/admin/incidents/" + job.path("id").asText() + "/retry", Map.of());
		assertThat(retried.status()).as(retried.body().toString()).isEqualTo(202);
		assertThat(retried.text("dossierCode")).isEqualTo(code);
		awaitStatus(code, "RESULT_READY");
		assertThat(timelineTypes(code)).contains("JOB_RETRIED", "RESULT_VERIFIED");
		JsonNode overview = as("admin").get("/api/v1/admin/incidents").body();
		assertThat(overview.path("jobs").findValuesAsText("dossierCode")).doesNotContain(code);
		assertThat(overview.path("stuckDossiers").findValuesAsText("dossierCode")).doesNotContain(code);
		assertThat(as("admin").post("/api/v1/admin/incidents/" + job.path("id").asText() + "/retry", Map.of()).status())
			.isEqualTo(404);
	}

	@Test
	void aResultThatDoesNotVerifyWaitsUntilItIsSentBackToSigningAndSignedAgain() throws Exception {
		String code = approvedDossier();
		this.breakdowns.installAnUntrustedSealKey();
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");

		// The seal is applied, the verification refuses the result: the dossier says so
		awaitStatus(code, "VERIFICATION_FAILED");
		assertThat(timelineTypes(code)).contains("RESULT_INVALID", "STUCK");
		JsonNode overview = as("admin").get("/api/v1/admin/incidents").body();
		assertThat(overview.path("jobs").findValuesAsText("dossierCode")).doesNotContain(code);
		assertThat(stuck(code)).extracting((node) -> node.path("cause").asText())
			.containsExactly("VERIFICATION_FAILED");
		assertThat(stuck(code).get(0).path("processingUnit").asText()).isEqualTo("TRANBIEN");
		awaitInboxMessage("supervisor", code, "DOSSIER_STUCK");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(stuckGauge("VERIFICATION_FAILED")).isGreaterThanOrEqualTo(1));
		assertThat(as("clerk").get("/api/v1/dossiers?status=VERIFICATION_FAILED&size=200")
			.body()
			.path("items")
			.findValuesAsText("code")).contains(code);

		// Only an approver, a supervisor or an administrator of the unit sends it back,
		// with a reason
		String path = "/api/v1/dossiers/" + code + "/return-to-signing";
		assertThat(as("clerk").post(path, Map.of("reason", "x")).status()).isEqualTo(403);
		assertThat(as("specialist").post(path, Map.of("reason", "x")).status()).isEqualTo(403);
		assertThat(as("approver2").post(path, Map.of("reason", "x")).status()).isEqualTo(404);
		assertThat(as("approver").post(path, Map.of("reason", " ")).status()).isEqualTo(422);
		assertThat(status("clerk", code)).isEqualTo("VERIFICATION_FAILED");

		// The administrator mends the seal key; the approver sends the dossier back
		this.breakdowns.mendTheSealKey();
		Api.Reply back = as("approver").post(path, Map.of("reason", "Chứng thư của dấu chưa được tin cậy"));
		assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
		assertThat(back.text("status")).isEqualTo("APPROVED");
		assertThat(timelineTypes(code)).contains("RETURNED_TO_SIGNING", "SIGNATURES_SET_ASIDE");
		JsonNode setAside = as("approver").get("/api/v1/dossiers/" + code + "/signatures").body();
		assertThat(setAside.findValuesAsText("role")).containsExactly("APPROVER", "SEAL");
		assertThat(setAside.findValues("voidedAt")).allSatisfy((at) -> assertThat(at.isNull()).isFalse());
		assertThat(as("approver").post(path, Map.of("reason", "again")).status()).isEqualTo(409);

		// The leader signs again, with the server's key: the result is ready
		Api.Reply signed = as("approver").post(
				"/api/v1/tasks/" + openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT) + "/signature",
				Map.of("comment", "Ký lại"));
		assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
		assertThat(signed.body().path("signatures").findValuesAsText("role")).containsExactly("APPROVER");
		awaitStatus(code, "RESULT_READY");
		JsonNode signatures = as("approver").get("/api/v1/dossiers/" + code + "/signatures").body();
		assertThat(signatures.findValuesAsText("role")).containsExactly("APPROVER", "SEAL", "APPROVER", "SEAL");
		assertThat(
				as("admin").get("/api/v1/admin/incidents").body().path("stuckDossiers").findValuesAsText("dossierCode"))
			.doesNotContain(code);
	}

	@Test
	void aDossierWhoseSealFailedForGoodCanBeSentBackToSigningToo() throws Exception {
		String code = approvedDossier();
		this.breakdowns.breakTheSealKey();
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		String job = awaitIncident(code).path("id").asText();

		Api.Reply back = as("supervisor").post("/api/v1/dossiers/" + code + "/return-to-signing",
				Map.of("reason", "Khóa dấu hỏng, cấp lại khóa rồi ký lại"));
		assertThat(back.status()).as(back.body().toString()).isEqualTo(200);
		assertThat(back.text("status")).isEqualTo("APPROVED");
		assertThat(as("admin").get("/api/v1/admin/incidents").body().path("jobs").findValuesAsText("id"))
			.doesNotContain(job);

		this.breakdowns.mendTheSealKey();
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(code, "RESULT_READY");
	}

	@Test
	void aReactionThatKeepsFailingLeavesItsDossierStuckUntilItRuns() {
		BrokenNotifier.broken.set(true);
		String code = receiveDossier("clerk");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(stuck(code)).extracting((node) -> node.path("cause").asText())
				.containsExactly("REACTION_FAILED"));
		JsonNode stuck = stuck(code).get(0);
		assertThat(stuck.path("step").asText()).isEqualTo("IncidentsIT$BrokenNotifier.on(DossierReceived)");
		assertThat(stuck.path("detail").asText()).contains("Zalo");
		assertThat(as("admin").get("/api/v1/admin/incidents").body().path("reactions").findValuesAsText("dossierCode"))
			.contains(code);
		awaitInboxMessage("supervisor", code, "DOSSIER_STUCK");

		BrokenNotifier.broken.set(false);
		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(BrokenNotifier.told).contains(code);
			assertThat(stuck(code)).isEmpty();
		});
	}

	private String approvedDossier() {
		String code = receiveDossier("clerk");
		assertThat(complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
				"PROPOSE_APPROVAL")
			.status()).isEqualTo(204);
		assertThat(complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE")
			.status()).isEqualTo(204);
		return code;
	}

	/** The dossier's failed job, once its retries are spent. */
	private JsonNode awaitIncident(String code) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> failedJobOf(code) != null && failedJobOf(code).path("incident").asBoolean());
		return failedJobOf(code);
	}

	private JsonNode failedJobOf(String code) {
		Api.Reply overview = as("admin").get("/api/v1/admin/incidents");
		assertThat(overview.status()).isEqualTo(200);
		for (JsonNode job : overview.body().path("jobs")) {
			if (code.equals(job.path("dossierCode").asText())) {
				return job;
			}
		}
		return null;
	}

	private List<JsonNode> stuck(String code) {
		List<JsonNode> found = new java.util.ArrayList<>();
		as("admin").get("/api/v1/admin/incidents").body().path("stuckDossiers").forEach((node) -> {
			if (code.equals(node.path("dossierCode").asText())) {
				found.add(node);
			}
		});
		return found;
	}

	private List<String> timelineTypes(String code) {
		return as("clerk").get("/api/v1/dossiers/" + code + "/events").body().findValuesAsText("type");
	}

	/** The text of the message of this kind about the dossier, once it is there. */
	private String awaitInboxMessage(String user, String code, String kind) {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> as(user).get("/api/v1/inbox?size=200")
				.body()
				.path("items")
				.findParents("dossierCode")
				.stream()
				.filter((message) -> code.equals(message.path("dossierCode").asText())
						&& kind.equals(message.path("kind").asText()))
				.map((message) -> message.path("message").asText())
				.findFirst()
				.orElse(null), (message) -> message != null);
	}

	/** The value of {@code motcua_dossiers_stuck{cause=...}} on the Prometheus scrape. */
	private double stuckGauge(String cause) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		Matcher sample = Pattern.compile("(?m)^motcua_dossiers_stuck\\{[^}]*cause=\"" + cause + "\"[^}]*} (\\S+)$")
			.matcher(response.body());
		assertThat(sample.find()).as("motcua_dossiers_stuck for " + cause).isTrue();
		return Double.parseDouble(sample.group(1));
	}

	/**
	 * A reaction to every intake that fails while a test says so: the notification
	 * gateway is down.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class BrokenNotifier {

		static final AtomicBoolean broken = new AtomicBoolean();

		static final Set<String> told = ConcurrentHashMap.newKeySet();

		@ApplicationModuleListener
		void on(DossierReceived received) {
			if (broken.get()) {
				throw new IllegalStateException("Cổng Zalo không trả lời (test)");
			}
			told.add(received.dossierCode());
		}

	}

}
