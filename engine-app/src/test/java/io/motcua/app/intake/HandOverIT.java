package io.motcua.app.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.documents.Multipart;
import io.motcua.app.documents.TestCorpus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine clients and the national portal's hand-over: an administrator registers a
 * client with an API key (shown once) limited to scopes and units; the portal hands over
 * a dossier submitted there, which becomes an ONLINE dossier through the counter's
 * checks, once however often the request is retried; a client reaches nothing its scopes
 * do not open.
 */
class HandOverIT extends ApplicationIT {

	@Test
	void thePortalHandsOverADossierThatBecomesOneOnlineDossierHoweverOftenItRetries() {
		String key = register("portal-" + System.nanoTime(), List.of("dossiers:submit", "dossiers:read"));
		String portalCode = "G22.99-" + System.nanoTime();
		int dossiersBefore = countRows("dossier");

		Multipart.Reply first = handOver(key, "idem-1-" + portalCode, portalCode, online());
		assertThat(first.status()).as(new String(first.bytes())).isEqualTo(201);
		JsonNode created = first.json();
		String code = created.path("code").asText();
		assertThat(first.header("Location")).isEqualTo("/api/v1/hand-overs/" + portalCode);
		assertThat(created.path("lookupSecret").asText()).isNotBlank();
		assertThat(created.path("documents")).hasSize(2);
		assertThat(created.path("replayed").asBoolean()).isFalse();

		Api client = Api.anonymous(this.port).withHeader("X-API-Key", key);
		Api.Reply dossier = client.get("/api/v1/dossiers/" + code);
		assertThat(dossier.status()).isEqualTo(200);
		assertThat(dossier.text("channel")).isEqualTo("ONLINE");
		assertThat(dossier.text("receivedBy")).startsWith("client:portal-");
		assertThat(dossier.text("receivingUnit")).isEqualTo("TRANBIEN");
		assertThat(client.get("/api/v1/hand-overs/" + portalCode).text("code")).isEqualTo(code);

		// The portal lost the answer and sends the same request again
		Multipart.Reply again = handOver(key, "idem-1-" + portalCode, portalCode, online());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("code").asText()).isEqualTo(code);
		assertThat(again.json().path("replayed").asBoolean()).isTrue();
		assertThat(again.json().path("lookupSecret").isNull()).isTrue();
		assertThat(countRows("dossier")).isEqualTo(dossiersBefore + 1);

		// The same key with another request, or the same portal dossier under a new key
		assertThat(handOver(key, "idem-1-" + portalCode, portalCode + "-other", online()).status()).isEqualTo(409);
		assertThat(handOver(key, "idem-2-" + portalCode, portalCode, online()).status()).isEqualTo(409);
		assertThat(countRows("dossier")).isEqualTo(dossiersBefore + 1);
	}

	@Test
	void twoIdenticalHandOversAtTheSameTimeMakeOneDossier() throws Exception {
		String key = register("portal-race-" + System.nanoTime(), List.of("dossiers:submit"));
		String portalCode = "G22.98-" + System.nanoTime();
		int dossiersBefore = countRows("dossier");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Callable<Multipart.Reply>> calls = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				calls.add(() -> handOver(key, "race-" + portalCode, portalCode, online()));
			}
			List<String> codes = new ArrayList<>();
			for (Future<Multipart.Reply> reply : threads.invokeAll(calls)) {
				assertThat(reply.get().status()).as(new String(reply.get().bytes())).isIn(200, 201);
				codes.add(reply.get().json().path("code").asText());
			}
			assertThat(codes).hasSize(2).containsOnly(codes.get(0));
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(countRows("dossier")).isEqualTo(dossiersBefore + 1);
	}

	@Test
	void aHandOverThatBreaksARuleIsRefusedNamingTheFieldAndNothingIsStored() {
		String key = register("portal-bad-" + System.nanoTime(), List.of("dossiers:submit"));
		int dossiersBefore = countRows("dossier");
		int handOversBefore = countRows("hand_over");
		Map<String, Object> noApplicant = online();
		noApplicant.remove("applicant");
		Multipart.Reply refused = handOver(key, "bad-1", "G22.97-1", noApplicant);
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().path("errors").findValuesAsText("field")).contains("applicant");
		Multipart.Reply counter = handOver(key, "bad-2", "G22.97-2", counter());
		assertThat(counter.status()).isEqualTo(422);
		assertThat(counter.json().path("errors").findValuesAsText("field")).containsExactly("application.channel");
		// Paper is received at a counter: the portal hands over files only
		Map<String, Object> onPaper = online();
		onPaper.put("paperOriginals", List.of(Map.of("documentType", "GIAY_DE_NGHI", "copies", 1)));
		Multipart.Reply paper = handOver(key, "bad-5", "G22.97-5", onPaper);
		assertThat(paper.status()).isEqualTo(422);
		assertThat(paper.json().path("errors").findValuesAsText("field")).containsExactly("application.paperOriginals");
		Multipart.Reply noKey = handOver(key, null, "G22.97-3", online());
		assertThat(noKey.status()).isEqualTo(422);
		assertThat(noKey.json().path("errors").findValuesAsText("field")).containsExactly("Idempotency-Key");
		Multipart.Reply otherUnit = new Multipart().json("application", online())
			.text("portalCode", "G22.97-4")
			.text("unit", "LONGTHANH")
			.file("GIAY_DE_NGHI", "don.pdf", TestCorpus.pdf("don"))
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.pdf", TestCorpus.pdf("cccd"))
			.post(this.port, "/api/v1/hand-overs", Map.of("X-API-Key", key, "Idempotency-Key", "bad-4"));
		assertThat(otherUnit.status()).isEqualTo(422);
		assertThat(otherUnit.json().path("errors").findValuesAsText("field")).containsExactly("unit");
		assertThat(countRows("dossier")).isEqualTo(dossiersBefore);
		assertThat(countRows("hand_over")).isEqualTo(handOversBefore);
	}

	@Test
	void aClientReachesOnlyWhatItsScopesOpenAndOnlyItsUnits() {
		String name = "reader-" + System.nanoTime();
		String key = register(name, List.of("dossiers:read"));
		Api client = Api.anonymous(this.port).withHeader("X-API-Key", key);
		String own = receiveDossier("clerk");
		assertThat(client.get("/api/v1/dossiers/" + own).status()).isEqualTo(200);
		String other = as("clerk2").post("/api/v1/dossiers", counter()).text("code");
		assertThat(client.get("/api/v1/dossiers/" + other).status()).isEqualTo(404);
		assertThat(handOver(key, "nope", "G22.96-1", online()).status()).isEqualTo(403);
		assertThat(client.post("/api/v1/dossiers", counter()).status()).isEqualTo(403);
		assertThat(client.get("/api/v1/dossiers").status()).isEqualTo(403);
		assertThat(client.get("/api/v1/admin/webhooks").status()).isEqualTo(403);
		assertThat(client.get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(client.get("/api/v1/worklist").status()).isEqualTo(403);
		assertThat(Api.anonymous(this.port)
			.withHeader("X-API-Key", "mck_nothing_here")
			.get("/api/v1/dossiers/" + own)
			.status()).isEqualTo(401);

		String id = as("admin").get("/api/v1/admin/api-clients")
			.body()
			.findParents("name")
			.stream()
			.filter((entry) -> entry.path("name").asText().equals(name))
			.findFirst()
			.orElseThrow()
			.path("id")
			.asText();
		assertThat(as("admin").delete("/api/v1/admin/api-clients/" + id).status()).isEqualTo(204);
		assertThat(client.get("/api/v1/dossiers/" + own).status()).isEqualTo(401);
	}

	@Test
	void aClientSubscribesWebhooksOnlyToItsEventTypes() {
		Api.Reply registered = as("admin").post("/api/v1/admin/api-clients",
				Map.of("name", "integrator-" + System.nanoTime(), "scopes", List.of("events:subscribe"), "eventTypes",
						List.of("vn.motcua.dossier.received.v1")));
		assertThat(registered.status()).isEqualTo(201);
		Api client = Api.anonymous(this.port).withHeader("X-API-Key", registered.text("apiKey"));
		Api.Reply refused = client.post("/api/v1/webhooks",
				Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("vn.motcua.dossier.status-changed.v1")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactly("eventTypes");
		Api.Reply subscribed = client.post("/api/v1/webhooks", Map.of("url", "http://127.0.0.1:9/hook"));
		assertThat(subscribed.status()).as(subscribed.body().toString()).isEqualTo(201);
		assertThat(subscribed.body().path("subscription").path("eventTypes")).hasSize(1);
		assertThat(subscribed.body().path("subscription").path("eventTypes").get(0).asText())
			.isEqualTo("vn.motcua.dossier.received.v1");
		assertThat(subscribed.body().path("subscription").path("units").get(0).asText()).isEqualTo("TRANBIEN");
		assertThat(client.get("/api/v1/webhooks").body()).hasSize(1);
		assertThat(as("admin").get("/api/v1/admin/webhooks").body().toString())
			.contains(subscribed.body().path("subscription").path("id").asText());
	}

	@Test
	void aClientThatBreaksARuleIsRefusedNamingEachFieldAndTheKeyIsShownOnce() {
		Api.Reply refused = as("admin").post("/api/v1/admin/api-clients",
				Map.of("name", "bad name!", "scopes", List.of("dossiers:everything"), "units", List.of("LONGTHANH")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("name", "scopes",
				"units");
		String name = "once-" + System.nanoTime();
		String key = register(name, List.of("dossiers:read"));
		assertThat(as("admin").get("/api/v1/admin/api-clients").body().toString()).contains(name).doesNotContain(key);
		assertThat(as("clerk").get("/api/v1/admin/api-clients").status()).isEqualTo(403);
	}

	private String register(String name, List<String> scopes) {
		Api.Reply registered = as("admin").post("/api/v1/admin/api-clients",
				Map.of("name", name, "scopes", scopes, "units", List.of("TRANBIEN")));
		assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
		String key = registered.text("apiKey");
		assertThat(key).startsWith("mck_");
		return key;
	}

	private Multipart.Reply handOver(String key, String idempotencyKey, String portalCode,
			Map<String, Object> application) {
		Map<String, String> headers = new java.util.HashMap<>();
		headers.put("X-API-Key", key);
		if (idempotencyKey != null) {
			headers.put("Idempotency-Key", idempotencyKey);
		}
		return new Multipart().json("application", application)
			.text("portalCode", portalCode)
			.file("GIAY_DE_NGHI", "don.pdf", TestCorpus.pdf("don de nghi"))
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.pdf", TestCorpus.pdf("can cuoc"))
			.post(this.port, "/api/v1/hand-overs", headers);
	}

	private static Map<String, Object> online() {
		Map<String, Object> application = withoutPaper(application(PROCEDURE));
		application.put("channel", "ONLINE");
		return application;
	}

	private static Map<String, Object> counter() {
		return application(PROCEDURE);
	}

}
