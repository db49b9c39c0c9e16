package io.motcua.app.outbound;

import java.time.Instant;

/**
 * One event's delivery to one destination, as the delivery log shows it.
 *
 * @param id the delivery
 * @param eventId the event's id (the CloudEvents {@code id})
 * @param eventType its CloudEvents type
 * @param dossierCode the dossier
 * @param sequence the event's number among the dossier's events
 * @param status where it stands
 * @param attempts how many times it was attempted
 * @param lastStatus the HTTP status of the last answer, null when none came
 * @param lastError why the last attempt failed, null when it did not
 * @param lastAttemptAt when it was last attempted, null when never
 * @param nextAttemptAt when it is attempted next (pending only)
 * @param deliveredAt when it was accepted, null until then
 * @param destinationId where it goes (a webhook subscription, {@code national-portal})
 */
public record DeliveryView(long id, String eventId, String eventType, String dossierCode, long sequence,
		DeliveryStatus status, int attempts, Integer lastStatus, String lastError, Instant lastAttemptAt,
		Instant nextAttemptAt, Instant deliveredAt, String destinationId) {
}
