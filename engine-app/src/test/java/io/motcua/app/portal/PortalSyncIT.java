package io.motcua.app.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.documents.Multipart;
import io.motcua.app.documents.TestCorpus;
import io.motcua.app.outbound.Destinations;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every status change of every dossier reaches the national portal (a simulator started
 * here, with an API key) as the one-stop standard's code, in order per dossier: through a
 * whole lifecycle, through an outage of the portal, behind a push the portal refuses
 * until it takes it, and, after the portal was switched off in configuration, by
 * redelivery once it is on again.
 * <p>
 * The issue speaks of the portal down for a minute. Here it is down for as long as three
 * dossiers take to move through three statuses each and for their first pushes to be
 * refused twice (a few seconds), with the outbox's pauses scaled down with it (polled
 * every 0.2 s, retried after 0.3 s doubling up to 1 s, instead of 1 s and 10 s up to 30
 * min): what matters is that pushes queue up behind a refused one and all go once the
 * portal answers, which a longer outage only repeats.
 */
@TestPropertySource(properties = { "motcua.outbound.poll-interval=PT0.2S", "motcua.outbound.retry-initial=PT0.3S",
		"motcua.outbound.retry-max=PT1S", "motcua.portal.enabled=true", "motcua.portal.api-key.header=X-DVC-Key",
		"motcua.portal.api-key.value=khoa-cong-dvc-thu-nghiem",
		"motcua.portal.unit-identifiers.TRANBIEN=000.00.18.H23" })
class PortalSyncIT extends ApplicationIT {

	private static final PortalSimulator portal = PortalSimulator.withApiKey("X-DVC-Key", "khoa-cong-dvc-thu-nghiem");

	private static final String DELIVERIES = "/api/v1/admin/destinations/national-portal/deliveries";

	@Autowired
	Destinations destinations;

	@Autowired
	PortalConnection connection;

	@DynamicPropertySource
	static void portalAddress(DynamicPropertyRegistry registry) {
		registry.add("motcua.portal.base-url", portal::baseUrl);
	}

	@AfterAll
	static void closePortal() {
		portal.close();
	}

	@Test
	void aDossierThePortalHandedOverComesBackUnderThePortalsOwnCode() {
		Api.Reply client = as("admin").post("/api/v1/admin/api-clients", Map.of("name", "cong-dvc-" + System.nanoTime(),
				"scopes", List.of("dossiers:submit"), "units", List.of("TRANBIEN")));
		assertThat(client.status()).isEqualTo(201);
		String portalCode = "G22.99-" + System.nanoTime();
		Map<String, Object> application = withoutPaper(application(PROCEDURE));
		application.put("channel", "ONLINE");
		Multipart.Reply handedOver = new Multipart().json("application", application)
			.text("portalCode", portalCode)
			.file("GIAY_DE_NGHI", "don.pdf", TestCorpus.pdf("don de nghi"))
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.pdf", TestCorpus.pdf("can cuoc"))
			.post(this.port, "/api/v1/hand-overs",
					Map.of("X-API-Key", client.text("apiKey"), "Idempotency-Key", "hand-over-" + portalCode));
		assertThat(handedOver.status()).as(new String(handedOver.bytes())).isEqualTo(201);
		String code = handedOver.json().path("code").asText();

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(portal.statuses(code)).containsExactly("RECEIVED", "IN_PROGRESS"));
		assertThat(portal.pushes(code))
			.allSatisfy((push) -> assertThat(push.path("portalDossierCode").asText()).isEqualTo(portalCode));
	}

	@Test
	void aWalkedDossierReachesThePortalAsTheStandardsCodesInOrderWithTheUnitsIdentifier() {
		String code = receiveDossier("clerk");
		walkToResultReady(code);
		assertThat(complete("clerk", openTask("clerk", code, DossierLifecycle.TASK_RETURN_RESULT), "RETURN").status())
			.isEqualTo(204);

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(portal.statuses(code)).endsWith("RETURNED"));
		assertThat(portal.statuses(code)).containsExactly("RECEIVED", "IN_PROGRESS", "APPROVED", "SIGNED",
				"RESULT_READY", "RETURNED");
		assertThat(portal.codes(code)).containsExactly("2", "4", "4", "4", "9", "10");
		List<JsonNode> pushes = portal.pushes(code);
		assertThat(pushes).extracting((push) -> push.path("dossiersequence").asLong())
			.isSorted()
			.doesNotHaveDuplicates();
		assertThat(pushes).allSatisfy((push) -> {
			assertThat(push.path("unitIdentifier").asText()).isEqualTo("000.00.18.H23");
			assertThat(push.path("dossierCode").asText()).isEqualTo(code);
			assertThat(push.path("portalDossierCode").isNull()).isTrue();
		});
		assertThat(pushes.toString()).as("nothing about the applicant")
			.doesNotContain("Nguyễn", "079203001234", "0912345678", "an.nguyen", "clerk", "approver");
		assertThat(portal.malformed()).isEmpty();
		assertThat(portal.unauthorized()).isEmpty();

		awaitDelivered(code);
		Api.Reply log = as("admin").get(DELIVERIES);
		assertThat(log.status()).isEqualTo(200);
		assertThat(deliveriesOf(log.body(), code)).hasSize(6)
			.allSatisfy((delivery) -> assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED"));
		assertThat(as("admin").get("/api/v1/admin/webhooks").body().findValuesAsText("id"))
			.as("the portal is no webhook subscription")
			.doesNotContain("national-portal");
		Map<String, Object> destination = this.jdbc
			.queryForMap("select kind, url, units, active from outbound_destination where id = 'national-portal'");
		assertThat(destination).containsEntry("kind", "PORTAL")
			.containsEntry("url", portal.baseUrl() + PortalSimulator.STATUS_PATH)
			.containsEntry("units", "*")
			.containsEntry("active", true);
	}

	@Test
	void thePortalDownWhileDossiersMoveThenBackLosesNothingAndReordersNothing() {
		List<String> codes = new ArrayList<>();
		portal.stop();
		try {
			for (int i = 0; i < 3; i++) {
				String code = receiveDossier("clerk");
				complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
						"PROPOSE_APPROVAL");
				complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
				codes.add(code);
			}
			// Each dossier's first push has been refused (no one answers) and tried again
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> this.jdbc.queryForObject("select count(*) from outbound_delivery"
						+ " where destination_id = 'national-portal' and dossier_code in (?, ?, ?) and sequence = 1"
						+ " and status = 'PENDING' and attempts >= 2 and last_status is null", Integer.class,
						codes.toArray()) == 3);
			assertThat(this.jdbc.queryForObject("select count(*) from outbound_delivery"
					+ " where destination_id = 'national-portal' and dossier_code in (?, ?, ?) and sequence > 1"
					+ " and status = 'PENDING' and attempts = 0", Integer.class, codes.toArray()))
				.as("the later pushes wait, untried, behind each dossier's first")
				.isEqualTo(6);
			assertThat(codes).allSatisfy((code) -> assertThat(portal.pushes(code)).isEmpty());
		}
		finally {
			portal.start();
		}

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(codes).allSatisfy((code) -> assertThat(portal.statuses(code))
				.containsExactly("RECEIVED", "IN_PROGRESS", "APPROVED")));
		for (String code : codes) {
			assertThat(portal.pushes(code)).extracting((push) -> push.path("dossiersequence").asLong()).isSorted();
			assertThat(portal.codes(code)).containsExactly("2", "4", "4");
		}
		awaitDelivered(codes.toArray(String[]::new));
		assertThat(deliveriesOf(as("admin").get(DELIVERIES).body(), codes.toArray(String[]::new))).hasSize(9)
			.allSatisfy((delivery) -> assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED"));
	}

	@Test
	void aRefusedPushIsRetriedAndTheDossiersLaterPushesWaitBehindItWhileOtherDossiersGoOn() {
		String code = receiveDossier("clerk");
		portal.reject(code, "APPROVED", 422);
		try {
			complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
					"PROPOSE_APPROVAL");
			complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
			complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
			awaitStatus(code, "RESULT_READY");
			awaitReactions(code);
			long approved = this.jdbc.queryForObject(
					"select sequence from outbound_event where dossier_code = ? and data like '%\"to\":\"APPROVED\"%'",
					Long.class, code);
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> this.jdbc
					.queryForObject("select attempts from outbound_delivery where destination_id = 'national-portal'"
							+ " and dossier_code = ? and sequence = ?", Integer.class, code, approved) >= 3);
			assertThat(this.jdbc
				.queryForList("select attempts from outbound_delivery where destination_id = 'national-portal'"
						+ " and dossier_code = ? and sequence > ?", Integer.class, code, approved))
				.as("signed and result ready wait, untried, behind the refused push")
				.containsExactly(0, 0);
			assertThat(portal.statuses(code)).containsExactly("RECEIVED", "IN_PROGRESS");
			JsonNode refused = deliveriesOf(as("admin").get(DELIVERIES + "?status=PENDING").body(), code).stream()
				.filter((delivery) -> delivery.path("sequence").asLong() == approved)
				.findFirst()
				.orElseThrow();
			assertThat(refused.path("lastStatus").asInt()).isEqualTo(422);
			assertThat(refused.path("lastError").asText()).startsWith("HTTP 422").contains("invalid_status");

			String other = receiveDossier("clerk");
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(portal.statuses(other)).contains("RECEIVED"));
		}
		finally {
			portal.accept(code);
		}

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(portal.statuses(code)).containsExactly("RECEIVED", "IN_PROGRESS",
					"APPROVED", "SIGNED", "RESULT_READY"));
		assertThat(portal.codes(code)).containsExactly("2", "4", "4", "4", "9");
	}

	@Test
	void switchedOffWhatWaitedIsParkedDeadAndRedeliveredInOrderOnceSwitchedOnAgain() {
		String code;
		portal.stop();
		try {
			code = receiveDossier("clerk");
			Awaitility.await()
				.atMost(Duration.ofSeconds(60))
				.until(() -> this.jdbc
					.queryForObject("select attempts from outbound_delivery where destination_id = 'national-portal'"
							+ " and dossier_code = ? and sequence = 1", Integer.class, code) >= 1);
			// What a start with motcua.portal.enabled=false does
			this.destinations.switchOffPortal();

			assertThat(deliveriesOf(as("admin").get(DELIVERIES + "?status=DEAD").body(), code)).hasSize(2)
				.allSatisfy((delivery) -> assertThat(delivery.path("lastError").asText())
					.contains("switched off in configuration"));
			String unheard = receiveDossier("clerk");
			awaitReactions(unheard);
			assertThat(this.jdbc.queryForObject(
					"select count(*) from outbound_delivery where destination_id = 'national-portal' and dossier_code = ?",
					Integer.class, unheard))
				.as("nothing is queued for a portal switched off")
				.isZero();
		}
		finally {
			// What a start with the portal's settings does
			this.connection.run(null);
			portal.start();
		}

		Api.Reply redelivered = as("admin").post("/api/v1/admin/destinations/national-portal/redelivery", Map.of());
		assertThat(redelivered.status()).isEqualTo(202);
		assertThat(redelivered.body().path("redelivered").asInt()).isGreaterThanOrEqualTo(2);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(portal.statuses(code)).containsExactly("RECEIVED", "IN_PROGRESS"));
	}

	/**
	 * Waits until the outbox has recorded the portal's acceptance of every push about
	 * these dossiers (a moment after the portal has them).
	 */
	private void awaitDelivered(String... codes) {
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> List.of(codes)
				.stream()
				.allMatch((code) -> this.jdbc.queryForObject("select count(*) from outbound_delivery"
						+ " where destination_id = 'national-portal' and dossier_code = ? and status <> 'DELIVERED'",
						Integer.class, code) == 0));
	}

	/** The deliveries of these dossiers in a delivery log. */
	private static List<JsonNode> deliveriesOf(JsonNode log, String... codes) {
		List<String> wanted = List.of(codes);
		List<JsonNode> deliveries = new ArrayList<>();
		log.forEach((delivery) -> {
			if (wanted.contains(delivery.path("dossierCode").asText())) {
				deliveries.add(delivery);
			}
		});
		return deliveries;
	}

}
