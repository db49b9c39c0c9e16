package io.motcua.app.sla;

import java.time.Instant;

import io.motcua.app.dossier.BusinessEvent;

/**
 * A dossier passed its due date before its result was ready.
 *
 * @param dossierCode the dossier
 * @param processingUnit the unit that holds it
 * @param dueAt the due date that passed
 * @param at when the overdue timer fired
 * @param sequence the event's number among the dossier's events
 */
public record DeadlineMissed(String dossierCode, String processingUnit, Instant dueAt, Instant at,
		long sequence) implements BusinessEvent {
}
