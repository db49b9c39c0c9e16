package io.motcua.app.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Business events leave through signed webhooks: every event of a dossier, in order,
 * valid against its published schema; a subscriber that fails for a while gets everything
 * once it recovers; one that keeps failing is given up, shown and redelivered on demand;
 * a subscriber that does not answer holds up no staff action.
 */
@TestPropertySource(properties = { "motcua.outbound.poll-interval=PT0.2S", "motcua.outbound.retry-initial=PT0.3S",
		"motcua.outbound.retry-max=PT1S", "motcua.outbound.dead-after=PT3S" })
class OutboundIT extends ApplicationIT {

	private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

	private static WebhookReceiver receiver;

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = new WebhookReceiver();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void everyEventOfADossierReachesTheSubscriberSignedInOrderAndValidAgainstItsSchema() throws IOException {
		String subscription = subscribe("/all", List.of());
		String code = receiveDossier("clerk");
		Api.Reply requested = as("specialist").post("/api/v1/dossiers/" + code + "/supplement-requests",
				Map.of("reason", "Thiếu bản sao hợp đồng thuê địa điểm"));
		assertThat(requested.status()).as(requested.body().toString()).isEqualTo(200);
		assertThat(as("clerk").post("/api/v1/dossiers/" + code + "/supplements", Map.of("note", "Đã nhận")).status())
			.isEqualTo(200);
		walkToResultReady(code);
		assertThat(complete("clerk", openTask("clerk", code, DossierLifecycle.TASK_RETURN_RESULT), "RETURN").status())
			.isEqualTo(204);

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(types(receiver.acceptedFor("/all", code))).endsWith("returned"));
		List<JsonNode> events = receiver.acceptedFor("/all", code);
		assertThat(receiver.refusedSignatures()).isEmpty();
		assertThat(events).extracting((event) -> event.path("dossiersequence").asLong())
			.as("each event once, numbered from 1 without gaps, in order")
			.containsExactlyElementsOf(sequence(events.size()));
		assertThat(types(events))
			.startsWith("received", "status-changed", "step-completed", "supplement-requested", "supplement-received",
					"status-changed")
			.contains("result-ready", "step-completed")
			.containsOnlyOnce("received", "supplement-requested", "supplement-received", "result-ready", "returned");
		JsonNode first = events.get(0);
		assertThat(first.path("specversion").asText()).isEqualTo("1.0");
		assertThat(first.path("source").asText()).isEqualTo("urn:motcua:demo");
		assertThat(first.path("unit").asText()).isEqualTo("TRANBIEN");
		assertThat(first.path("data").path("dossierCode").asText()).isEqualTo(code);
		assertThat(events.get(3).path("data").path("reason").asText())
			.isEqualTo("Thiếu bản sao hợp đồng thuê địa điểm");
		assertThat(first.toString()).as("no lookup secret, nothing personal").doesNotContain("Nguyễn", "an.nguyen");
		Map<String, JsonSchema> schemas = schemas();
		for (JsonNode event : events) {
			JsonSchema schema = schemas.get(event.path("type").asText());
			assertThat(schema).as("a schema for " + event.path("type")).isNotNull();
			Set<ValidationMessage> problems = schema.validate(event);
			assertThat(problems).as(event.toString()).isEmpty();
		}
		Api.Reply log = as("admin").get("/api/v1/admin/destinations/" + subscription + "/deliveries");
		assertThat(log.body())
			.allSatisfy((delivery) -> assertThat(delivery.path("status").asText()).isIn("DELIVERED", "PENDING"));
		assertThat(as("admin").get("/api/v1/admin/webhooks/" + subscription).body().path("delivered").asLong())
			.isGreaterThanOrEqualTo(events.size());
	}

	@Test
	void aSubscriberThatFailsForAWhileReceivesEverythingOnceAndInOrder() {
		AtomicInteger calls = new AtomicInteger();
		receiver.answer("/flaky", () -> (calls.incrementAndGet() <= 6) ? 500 : 204);
		subscribe("/flaky", List.of("vn.motcua.dossier.received.v1", "vn.motcua.dossier.status-changed.v1",
				"vn.motcua.dossier.step-completed.v1"));
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String code = receiveDossier("clerk");
			complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
					"PROPOSE_APPROVAL");
			codes.add(code);
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(codes).allSatisfy((code) -> assertThat(types(receiver.acceptedFor("/flaky", code)))
						.containsSubsequence("received", "status-changed", "step-completed")));
		assertThat(calls.get()).as("the first six deliveries were refused and sent again").isGreaterThan(6);
		for (String code : codes) {
			List<Long> sequences = receiver.acceptedFor("/flaky", code)
				.stream()
				.map((event) -> event.path("dossiersequence").asLong())
				.toList();
			assertThat(sequences).as("in order for " + code).isSorted().doesNotHaveDuplicates();
		}
	}

	@Test
	void aDeliveryThatKeepsFailingIsGivenUpShownAndRedeliveredOnDemand() {
		AtomicInteger answer = new AtomicInteger(503);
		receiver.answer("/down", answer::get);
		String subscription = subscribe("/down", List.of("vn.motcua.dossier.received.v1"));
		String code = receiveDossier("clerk");
		String deliveries = "/api/v1/admin/destinations/" + subscription + "/deliveries";
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(as("admin").get(deliveries + "?status=DEAD").body()).hasSize(1));
		JsonNode dead = as("admin").get(deliveries + "?status=DEAD").body().get(0);
		assertThat(dead.path("dossierCode").asText()).isEqualTo(code);
		assertThat(dead.path("attempts").asInt()).isGreaterThan(1);
		assertThat(dead.path("lastStatus").asInt()).isEqualTo(503);
		assertThat(dead.path("lastError").asText()).startsWith("HTTP 503");
		assertThat(receiver.acceptedFor("/down", code)).isEmpty();

		answer.set(200);
		Api.Reply redelivered = as("admin").post("/api/v1/admin/destinations/" + subscription + "/deliveries/"
				+ dead.path("id").asLong() + "/redelivery", Map.of());
		assertThat(redelivered.status()).isEqualTo(202);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(types(receiver.acceptedFor("/down", code))).containsExactly("received"));
		assertThat(as("admin").get(deliveries + "?status=DELIVERED").body()).hasSize(1);
		assertThat(as("admin")
			.post("/api/v1/admin/destinations/" + subscription + "/deliveries/999999/redelivery", Map.of())
			.status()).isEqualTo(404);
	}

	@Test
	void aSubscriberThatDoesNotAnswerHoldsUpNoStaffAction() throws InterruptedException {
		CountDownLatch released = new CountDownLatch(1);
		receiver.answer("/stuck", () -> {
			try {
				released.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return 204;
		});
		subscribe("/stuck", List.of());
		String code = receiveDossier("clerk");
		// The receiver holds every delivery; the staff's commands go on regardless
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc.queryForObject(
					"select count(*) from outbound_delivery where dossier_code = ? and claimed_until is not null",
					Integer.class, code) > 0);
		assertThat(complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
				"PROPOSE_APPROVAL")
			.status()).isEqualTo(204);
		assertThat(openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER)).isNotBlank();
		assertThat(receiver.acceptedFor("/stuck", code)).isEmpty();
		released.countDown();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(types(receiver.acceptedFor("/stuck", code))).contains("received",
					"step-completed"));
	}

	@Test
	void aSubscriptionThatBreaksARuleIsRefusedNamingEachFieldAndNothingIsStored() {
		int before = as("admin").get("/api/v1/admin/webhooks").body().size();
		Api.Reply refused = as("admin").post("/api/v1/admin/webhooks",
				Map.of("url", "ftp://example.org/x", "eventTypes", List.of("vn.motcua.dossier.nothing.v1")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("url",
				"eventTypes");
		assertThat(as("admin").get("/api/v1/admin/webhooks").body()).hasSize(before);
		assertThat(as("clerk").post("/api/v1/admin/webhooks", Map.of("url", receiver.url("/x"))).status())
			.isEqualTo(403);
		assertThat(as("clerk").get("/api/v1/event-types").body().findValuesAsText("type"))
			.contains("vn.motcua.dossier.received.v1", "vn.motcua.dossier.withdrawn.v1");
	}

	@Test
	void aSubscriptionSwitchedOffReceivesNothingMore() {
		receiver.answer("/off", () -> 204);
		String subscription = subscribe("/off", List.of("vn.motcua.dossier.received.v1"));
		assertThat(as("admin").delete("/api/v1/admin/webhooks/" + subscription).status()).isEqualTo(204);
		String code = receiveDossier("clerk");
		awaitReactions(code);
		assertThat(this.jdbc.queryForObject("select count(*) from outbound_delivery where destination_id = ?",
				Integer.class, subscription))
			.isZero();
		assertThat(as("admin").get("/api/v1/admin/webhooks/" + subscription).body().path("active").asBoolean())
			.isFalse();
	}

	private String subscribe(String path, List<String> types) {
		Api.Reply created = as("admin").post("/api/v1/admin/webhooks",
				Map.of("url", receiver.url(path), "eventTypes", types, "description", "test " + path));
		assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
		assertThat(created.location()).endsWith(created.body().path("subscription").path("id").asText());
		String secret = created.text("secret");
		assertThat(secret).startsWith("whsec_");
		receiver.secret(path, secret);
		assertThat(as("admin").get("/api/v1/admin/webhooks").body().toString()).doesNotContain(secret);
		return created.body().path("subscription").path("id").asText();
	}

	private static List<String> types(List<JsonNode> events) {
		return events.stream()
			.map((event) -> event.path("type").asText().replace("vn.motcua.dossier.", "").replace(".v1", ""))
			.toList();
	}

	private static List<Long> sequence(int size) {
		List<Long> numbers = new ArrayList<>();
		for (long i = 1; i <= size; i++) {
			numbers.add(i);
		}
		return numbers;
	}

	/** Each message's schema, from the published AsyncAPI document, by event type. */
	private static Map<String, JsonSchema> schemas() throws IOException {
		JsonNode document;
		try (InputStream in = new ClassPathResource("events/asyncapi.yaml").getInputStream()) {
			document = YAML.readTree(in);
		}
		JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909);
		Map<String, JsonSchema> schemas = new java.util.HashMap<>();
		document.path("components").path("messages").fields().forEachRemaining((message) -> {
			ObjectNode schema = YAML.createObjectNode();
			schema.put("$ref", "#/components/messages/" + message.getKey() + "/payload");
			schema.set("components", document.path("components"));
			schemas.put(message.getValue().path("name").asText(), factory.getSchema(schema));
		});
		return schemas;
	}

}
