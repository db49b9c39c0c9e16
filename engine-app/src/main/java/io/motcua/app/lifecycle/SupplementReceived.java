package io.motcua.app.lifecycle;

import java.time.Instant;

import io.motcua.app.dossier.BusinessEvent;

/**
 * The supplement a dossier awaited arrived; its clock runs again.
 *
 * @param dossierCode the dossier
 * @param actor who recorded its arrival
 * @param at when
 * @param sequence the event's number among the dossier's events
 */
public record SupplementReceived(String dossierCode, String actor, Instant at, long sequence) implements BusinessEvent {
}
