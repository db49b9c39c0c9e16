package io.motcua.app.portal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.stereotype.Component;

import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.outbound.DeliveryChannel;
import io.motcua.app.outbound.DestinationKind;
import io.motcua.app.outbound.EventType;
import io.motcua.app.outbound.FeedEvent;
import io.motcua.app.outbound.HttpDelivery;
import io.motcua.app.outbound.OutboundProperties;

/**
 * Pushes status changes to the national portal: one JSON {@link StatusPush} per event,
 * POSTed with the configured credential. A 2xx answer is acceptance (the portal answers
 * 2xx to an event id it has seen too); any other answer, or none, is a refusal that the
 * outbox retries with its backoff, in order per dossier, until it gives up and shows it
 * dead. A 401 also forgets the OAuth2 token, so that the next attempt fetches a new one.
 */
@Component
class PortalChannel implements DeliveryChannel {

	/**
	 * The events that are status changes: a received dossier, and every change of status
	 * (of its own type or not).
	 */
	static final Set<EventType> STATUS_EVENTS = EnumSet.of(EventType.RECEIVED, EventType.STATUS_CHANGED,
			EventType.SUPPLEMENT_REQUESTED, EventType.RESULT_READY, EventType.RETURNED, EventType.WITHDRAWN);

	private final PortalProperties properties;

	private final PortalCredential credential;

	private final PortalCodes portalCodes;

	private final ObjectMapper objectMapper;

	private final Duration timeout;

	PortalChannel(PortalProperties properties, OutboundProperties outbound, PortalCodes portalCodes,
			ObjectMapper objectMapper, Clock clock) {
		this.properties = properties;
		this.timeout = outbound.requestTimeout();
		this.credential = PortalCredential.of(properties, this.timeout, clock);
		this.portalCodes = portalCodes;
		this.objectMapper = objectMapper;
	}

	@Override
	public DestinationKind kind() {
		return DestinationKind.PORTAL;
	}

	@Override
	public DeliveryOutcome deliver(Target destination, FeedEvent event) {
		Optional<DossierStatus> status = statusOf(event);
		if (status.isEmpty()) {
			return DeliveryOutcome.refused(null,
					"Not a status change: " + event.type().type() + "; the portal's destination should not receive it");
		}
		HttpRequest.Builder request;
		try {
			request = HttpRequest.newBuilder(URI.create(destination.url()))
				.timeout(this.timeout)
				.header("Content-Type", "application/json; charset=utf-8")
				.header("Accept", "application/json")
				.header("Idempotency-Key", event.id())
				.POST(HttpRequest.BodyPublishers
					.ofString(this.objectMapper.writeValueAsString(push(event, status.get()))));
			this.credential.authorize(request);
		}
		catch (JsonProcessingException ex) {
			return DeliveryOutcome.refused(null, "Cannot write the push: " + ex.getOriginalMessage());
		}
		catch (RuntimeException ex) {
			// The token endpoint failed or refused us: no push without a credential
			return DeliveryOutcome.refused(null, "Credential: " + ex.getMessage());
		}
		DeliveryOutcome outcome = HttpDelivery.send(request.build());
		if (outcome.status() != null && outcome.status() == 401) {
			// The portal no longer takes our token: the next attempt fetches a new one
			this.credential.refused();
		}
		return outcome;
	}

	/** What the portal receives: nothing about the applicant. */
	StatusPush push(FeedEvent event, DossierStatus status) {
		return new StatusPush(event.id(), event.dossierCode(),
				this.portalCodes.portalCodeOf(event.dossierCode()).orElse(null), event.sequence(),
				this.properties.unitIdentifier(event.unitCode()), this.properties.statusCode(status), status.name(),
				event.occurredAt().toString());
	}

	/** The status an event leaves its dossier in; empty for events that change none. */
	Optional<DossierStatus> statusOf(FeedEvent event) {
		if (event.type() == EventType.RECEIVED) {
			return Optional.of(DossierStatus.RECEIVED);
		}
		if (!STATUS_EVENTS.contains(event.type())) {
			return Optional.empty();
		}
		try {
			JsonNode to = this.objectMapper.readTree(event.data()).path("to");
			return to.isTextual() ? Optional.of(DossierStatus.valueOf(to.asText())) : Optional.empty();
		}
		catch (JsonProcessingException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * One status change as the portal receives it ({@code docs/PORTAL.md}).
	 *
	 * @param eventId the event's id: the same on every attempt, by which the portal drops
	 * duplicates
	 * @param dossierCode our code of the dossier (printed on its receipt)
	 * @param portalDossierCode the portal's own code of a dossier submitted on the
	 * portal, null for the others
	 * @param sequence the event's number among the dossier's events: pushes of a dossier
	 * arrive in this order, with gaps where events were not status changes
	 * @param unitIdentifier the processing unit's official electronic identifier
	 * @param statusCode the one-stop standard's status code
	 * @param status our status's name
	 * @param statusAt when the dossier took the status, ISO 8601 in UTC (written here,
	 * whatever the application's JSON settings say about dates)
	 */
	record StatusPush(String eventId, String dossierCode, String portalDossierCode,
			@JsonProperty("dossiersequence") long sequence, String unitIdentifier, String statusCode, String status,
			String statusAt) {
	}

}
