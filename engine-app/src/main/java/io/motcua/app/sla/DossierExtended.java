package io.motcua.app.sla;

import java.time.Instant;

import io.motcua.app.dossier.BusinessEvent;

/**
 * The office extended a dossier's appointment. Delivered after the extension commits, to
 * the reaction that issues the apology letter (Form 04).
 *
 * @param dossierCode the dossier
 * @param previousDueAt the appointment before
 * @param appointment the new appointment
 * @param reason why the dossier will be late
 * @param at when it was extended
 * @param actor who extended it
 * @param sequence the event's number among the dossier's events
 */
public record DossierExtended(String dossierCode, Instant previousDueAt, Instant appointment, String reason, Instant at,
		String actor, long sequence) implements BusinessEvent {
}
