package io.motcua.app.portal;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The national portal with OAuth2 client credentials (the simulator's token endpoint):
 * one token serves many pushes, a token the portal no longer takes is replaced; and a
 * push the portal keeps refusing is given up after {@code motcua.outbound.dead-after} (3
 * s here), shown to administrators and delivered once redelivered.
 */
@TestPropertySource(properties = { "motcua.outbound.poll-interval=PT0.2S", "motcua.outbound.retry-initial=PT0.3S",
		"motcua.outbound.retry-max=PT1S", "motcua.outbound.dead-after=PT3S", "motcua.portal.enabled=true",
		"motcua.portal.oauth2.client-id=motcua-dongnai", "motcua.portal.oauth2.client-secret=bi-mat-thu-nghiem",
		"motcua.portal.oauth2.scope=dossier.status" })
class PortalOAuth2IT extends ApplicationIT {

	private static final PortalSimulator portal = PortalSimulator.withOAuth2("motcua-dongnai", "bi-mat-thu-nghiem");

	private static final String DELIVERIES = "/api/v1/admin/destinations/national-portal/deliveries";

	@DynamicPropertySource
	static void portalAddress(DynamicPropertyRegistry registry) {
		registry.add("motcua.portal.base-url", portal::baseUrl);
		registry.add("motcua.portal.oauth2.token-uri", () -> portal.baseUrl() + PortalSimulator.TOKEN_PATH);
	}

	@AfterAll
	static void closePortal() {
		portal.close();
	}

	@Test
	void pushesCarryABearerTokenFetchedOnceForManyPushes() {
		int tokens = portal.tokenRequests().size();
		int unauthorized = portal.unauthorized().size();
		String code = receiveDossier("clerk");
		complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER), "PROPOSE_APPROVAL");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(portal.statuses(code)).containsExactly("RECEIVED", "IN_PROGRESS", "APPROVED"));
		assertThat(portal.codes(code)).containsExactly("2", "4", "4");
		assertThat(portal.pushes(code)).allSatisfy((push) -> assertThat(push.path("unitIdentifier").asText())
			.as("a unit without an identifier of its own is sent as its code")
			.isEqualTo("TRANBIEN"));
		assertThat(portal.tokenRequests().size() - tokens).as("the token is kept until it expires")
			.isLessThanOrEqualTo(1);
		assertThat(portal.tokenRequests()).as("HTTP Basic by default").containsOnly("basic");
		assertThat(portal.unauthorized()).hasSize(unauthorized);
	}

	@Test
	void aTokenThePortalNoLongerTakesIsReplacedAndThePushGoesThrough() {
		receiveAndAwait();
		int tokens = portal.tokenRequests().size();
		int unauthorized = portal.unauthorized().size();

		portal.revokeTokens();
		String code = receiveDossier("clerk");

		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(portal.statuses(code)).contains("RECEIVED"));
		assertThat(portal.unauthorized()).as("refused once with the old token").hasSize(unauthorized + 1);
		assertThat(portal.tokenRequests()).hasSize(tokens + 1);
		// The outbox records the answer a moment after the portal has the push
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> this.jdbc
				.queryForObject(
						"select status from outbound_delivery"
								+ " where destination_id = 'national-portal' and dossier_code = ? and sequence = 1",
						String.class, code)
				.equals("DELIVERED"));
		Integer attempts = this.jdbc.queryForObject(
				"select attempts from outbound_delivery"
						+ " where destination_id = 'national-portal' and dossier_code = ? and sequence = 1",
				Integer.class, code);
		assertThat(attempts).isEqualTo(2);
	}

	@Test
	void aPushThePortalKeepsRefusingIsGivenUpShownToAdministratorsAndDeliveredWhenRedelivered() {
		String code = receiveDossier("clerk");
		portal.reject(code, "APPROVED", 422);
		JsonNode dead;
		try {
			complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
					"PROPOSE_APPROVAL");
			complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");

			Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(deadOf(code)).isNotNull());
			dead = deadOf(code);
			assertThat(dead.path("attempts").asInt()).as("tried again before it was given up").isGreaterThan(1);
			assertThat(dead.path("lastStatus").asInt()).isEqualTo(422);
			assertThat(dead.path("lastError").asText()).startsWith("HTTP 422").contains("invalid_status");
			assertThat(dead.path("eventType").asText()).isEqualTo("vn.motcua.dossier.status-changed.v1");
			assertThat(portal.statuses(code)).containsExactly("RECEIVED", "IN_PROGRESS");
			assertThat(as("clerk").get(DELIVERIES + "?status=DEAD").status()).isEqualTo(403);
		}
		finally {
			portal.accept(code);
		}

		Api.Reply redelivered = as("admin").post(DELIVERIES + "/" + dead.path("id").asLong() + "/redelivery", Map.of());
		assertThat(redelivered.status()).isEqualTo(202);
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(
					() -> assertThat(portal.statuses(code)).containsExactly("RECEIVED", "IN_PROGRESS", "APPROVED"));
		assertThat(deadOf(code)).isNull();
	}

	/** A dossier received and told to the portal. */
	private void receiveAndAwait() {
		String code = receiveDossier("clerk");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(portal.statuses(code)).contains("RECEIVED", "IN_PROGRESS"));
	}

	/**
	 * The dossier's dead delivery to the portal, as administrators see it; null when
	 * none.
	 */
	private JsonNode deadOf(String code) {
		Api.Reply log = as("admin").get(DELIVERIES + "?status=DEAD");
		assertThat(log.status()).isEqualTo(200);
		for (JsonNode delivery : log.body()) {
			if (delivery.path("dossierCode").asText().equals(code)) {
				return delivery;
			}
		}
		return null;
	}

}
