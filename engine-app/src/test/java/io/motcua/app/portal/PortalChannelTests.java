package io.motcua.app.portal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import io.motcua.app.outbound.DeliveryChannel.DeliveryOutcome;
import io.motcua.app.outbound.DeliveryChannel.Target;
import io.motcua.app.outbound.EventType;
import io.motcua.app.outbound.FeedEvent;
import io.motcua.app.outbound.OutboundProperties;
import io.motcua.app.portal.PortalProperties.ClientAuthentication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal channel against the portal simulator, without the application: what one push
 * carries and how each answer of the portal comes back to the outbox, with an API key and
 * with OAuth2 client credentials.
 */
class PortalChannelTests {

	private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

	private static final String KEY = "khoa-thu-nghiem";

	private static PortalSimulator keyPortal;

	private static PortalSimulator tokenPortal;

	@BeforeAll
	static void startPortals() {
		keyPortal = PortalSimulator.withApiKey("X-DVC-Key", KEY);
		tokenPortal = PortalSimulator.withOAuth2("motcua-dongnai", "bi-mat");
	}

	@AfterAll
	static void stopPortals() {
		keyPortal.close();
		tokenPortal.close();
	}

	@Test
	void pushesAStatusChangeAsTheStandardsCodeWithTheUnitsIdentifierAndNothingElse() {
		PortalChannel channel = channel(apiKey(KEY));
		FeedEvent event = event("TRANBIEN-20261201-0001", 4, EventType.SUPPLEMENT_REQUESTED,
				Map.of("dossierCode", "TRANBIEN-20261201-0001", "from", "IN_PROGRESS", "to", "AWAITING_SUPPLEMENT",
						"actor", "specialist", "reason", "Thiếu bản sao CCCD của Nguyễn Văn An"));

		DeliveryOutcome outcome = channel.deliver(target(keyPortal), event);

		assertThat(outcome.accepted()).as(String.valueOf(outcome.error())).isTrue();
		assertThat(keyPortal.pushes("TRANBIEN-20261201-0001")).hasSize(1);
		JsonNode push = keyPortal.pushes("TRANBIEN-20261201-0001").get(0);
		assertThat(push.path("eventId").asText()).isEqualTo(event.id());
		assertThat(push.path("dossiersequence").asLong()).isEqualTo(4);
		assertThat(push.path("statusCode").asText()).isEqualTo("5");
		assertThat(push.path("status").asText()).isEqualTo("AWAITING_SUPPLEMENT");
		assertThat(push.path("unitIdentifier").asText()).isEqualTo("000.00.18.H23");
		assertThat(push.path("portalDossierCode").isNull()).isTrue();
		assertThat(Instant.parse(push.path("statusAt").asText())).isEqualTo(event.occurredAt());
		assertThat(push.toString()).as("neither the reason nor who").doesNotContain("Nguyễn", "specialist");
		assertThat(keyPortal.malformed()).isEmpty();
	}

	@Test
	void aReceivedDossierIsStatusTwoAndAPushSentAgainIsAcceptedAndDroppedByThePortal() {
		PortalChannel channel = channel(apiKey(KEY));
		FeedEvent event = event("TRANBIEN-20261201-0002", 1, EventType.RECEIVED,
				Map.of("dossierCode", "TRANBIEN-20261201-0002", "channel", "COUNTER"));
		int duplicates = keyPortal.duplicates();

		assertThat(channel.deliver(target(keyPortal), event).accepted()).isTrue();
		assertThat(channel.deliver(target(keyPortal), event).accepted()).isTrue();

		assertThat(keyPortal.codes("TRANBIEN-20261201-0002")).containsExactly("2");
		assertThat(keyPortal.duplicates()).isEqualTo(duplicates + 1);
	}

	@Test
	void anEventThatChangesNoStatusIsRefusedWithoutBeingSent() {
		DeliveryOutcome outcome = channel(apiKey(KEY)).deliver(target(keyPortal), event("TRANBIEN-20261201-0003", 3,
				EventType.STEP_COMPLETED, Map.of("dossierCode", "TRANBIEN-20261201-0003", "stepKey", "x")));

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.error()).contains("Not a status change");
		assertThat(keyPortal.pushes("TRANBIEN-20261201-0003")).isEmpty();
	}

	@Test
	void aPushThePortalRefusesComesBackWithItsStatusAndAnswer() {
		keyPortal.reject("TRANBIEN-20261201-0004", "RECEIVED", 422);
		try {
			DeliveryOutcome outcome = channel(apiKey(KEY)).deliver(target(keyPortal), event("TRANBIEN-20261201-0004", 1,
					EventType.RECEIVED, Map.of("dossierCode", "TRANBIEN-20261201-0004")));

			assertThat(outcome.accepted()).isFalse();
			assertThat(outcome.status()).isEqualTo(422);
			assertThat(outcome.error()).startsWith("HTTP 422: ").contains("invalid_status");
		}
		finally {
			keyPortal.accept("TRANBIEN-20261201-0004");
		}
	}

	@Test
	void aWrongKeyIsRefusedWith401() {
		DeliveryOutcome outcome = channel(apiKey("not-the-key")).deliver(target(keyPortal),
				event("TRANBIEN-20261201-0005", 1, EventType.RECEIVED, Map.of()));

		assertThat(outcome.status()).isEqualTo(401);
		assertThat(keyPortal.pushes("TRANBIEN-20261201-0005")).isEmpty();
	}

	@Test
	void aPortalThatIsDownIsARefusalWithoutStatus() {
		PortalSimulator down = PortalSimulator.withApiKey("X-DVC-Key", KEY);
		Target target = target(down);
		down.close();

		DeliveryOutcome outcome = channel(apiKey(KEY)).deliver(target,
				event("TRANBIEN-20261201-0006", 1, EventType.RECEIVED, Map.of()));

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.status()).isNull();
		assertThat(outcome.error()).contains("ConnectException");
	}

	@Test
	void aCodeOfThePortalsOwnIsSentWhenAFeatureKnowsIt() {
		PortalCodes codes = (code) -> code.endsWith("0007") ? Optional.of("G22.99-261201-000123") : Optional.empty();
		PortalChannel channel = new PortalChannel(apiKey(KEY), outbound(), codes, JSON, Clock.systemUTC());

		channel.deliver(target(keyPortal), event("TRANBIEN-20261201-0007", 1, EventType.RECEIVED, Map.of()));

		assertThat(keyPortal.pushes("TRANBIEN-20261201-0007").get(0).path("portalDossierCode").asText())
			.isEqualTo("G22.99-261201-000123");
	}

	@Test
	void clientCredentialsFetchOneTokenKeepItAndFetchAnotherWhenThePortalRefusesIt() {
		PortalChannel channel = channel(oauth2("bi-mat", ClientAuthentication.BASIC));
		int tokens = tokenPortal.tokenRequests().size();

		assertThat(channel.deliver(target(tokenPortal), inProgress("TRANBIEN-20261201-0011", 1)).accepted()).isTrue();
		assertThat(channel.deliver(target(tokenPortal), inProgress("TRANBIEN-20261201-0011", 2)).accepted()).isTrue();
		assertThat(tokenPortal.tokenRequests()).hasSize(tokens + 1).endsWith("basic");

		tokenPortal.revokeTokens();
		DeliveryOutcome refused = channel.deliver(target(tokenPortal), inProgress("TRANBIEN-20261201-0011", 3));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(channel.deliver(target(tokenPortal), inProgress("TRANBIEN-20261201-0011", 3)).accepted()).isTrue();

		assertThat(tokenPortal.tokenRequests()).hasSize(tokens + 2);
		assertThat(tokenPortal.pushes("TRANBIEN-20261201-0011"))
			.extracting((push) -> push.path("dossiersequence").asLong())
			.containsExactly(1L, 2L, 3L);
	}

	@Test
	void clientCredentialsMayAuthenticateInTheForm() {
		PortalChannel channel = channel(oauth2("bi-mat", ClientAuthentication.POST));

		assertThat(channel.deliver(target(tokenPortal), inProgress("TRANBIEN-20261201-0012", 1)).accepted()).isTrue();

		assertThat(tokenPortal.tokenRequests()).endsWith("post");
	}

	@Test
	void aTokenEndpointThatRefusesTheClientIsARefusalSayingWhy() {
		DeliveryOutcome outcome = channel(oauth2("sai-bi-mat", ClientAuthentication.BASIC)).deliver(target(tokenPortal),
				inProgress("TRANBIEN-20261201-0013", 1));

		assertThat(outcome.accepted()).isFalse();
		assertThat(outcome.status()).isNull();
		assertThat(outcome.error()).startsWith("Credential: ").contains("invalid_client");
		assertThat(tokenPortal.pushes("TRANBIEN-20261201-0013")).isEmpty();
	}

	private static PortalChannel channel(PortalProperties properties) {
		return new PortalChannel(properties, outbound(), (code) -> Optional.empty(), JSON, Clock.systemUTC());
	}

	private static OutboundProperties outbound() {
		return new OutboundProperties("urn:test", Duration.ofSeconds(1), 200, Duration.ofMinutes(1),
				Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(30), Duration.ofDays(3),
				Duration.ofDays(30));
	}

	private static PortalProperties apiKey(String key) {
		return new PortalProperties(true, URI.create(keyPortal.baseUrl()), PortalSimulator.STATUS_PATH,
				new PortalProperties.ApiKey("X-DVC-Key", key),
				new PortalProperties.OAuth2(null, null, null, Set.of(), ClientAuthentication.BASIC), null,
				Map.of("TRANBIEN", "000.00.18.H23"));
	}

	private static PortalProperties oauth2(String secret, ClientAuthentication authentication) {
		return new PortalProperties(true, URI.create(tokenPortal.baseUrl()), PortalSimulator.STATUS_PATH,
				new PortalProperties.ApiKey("X-API-Key", null),
				new PortalProperties.OAuth2(URI.create(tokenPortal.baseUrl() + PortalSimulator.TOKEN_PATH),
						"motcua-dongnai", secret, Set.of("dossier.status"), authentication),
				null, null);
	}

	private static Target target(PortalSimulator portal) {
		return new Target("national-portal", portal.baseUrl() + PortalSimulator.STATUS_PATH, null);
	}

	private static FeedEvent inProgress(String code, long sequence) {
		return event(code, sequence, EventType.STATUS_CHANGED,
				Map.of("dossierCode", code, "from", "RECEIVED", "to", "IN_PROGRESS"));
	}

	private static FeedEvent event(String code, long sequence, EventType type, Map<String, Object> data) {
		try {
			return new FeedEvent(UUID.randomUUID().toString(), type, code, sequence, "TRANBIEN",
					Instant.parse("2026-12-01T02:30:00Z").plusSeconds(sequence), JSON.writeValueAsString(data));
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
