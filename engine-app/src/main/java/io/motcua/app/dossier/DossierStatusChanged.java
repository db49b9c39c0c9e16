package io.motcua.app.dossier;

import java.time.Instant;

/**
 * A dossier's status changed because its process moved. Delivered after the change
 * commits, to reactions that issue letters and tell the world.
 *
 * @param dossierCode the dossier
 * @param procedureCode its procedure
 * @param processingUnit unit that processes it
 * @param from the status before
 * @param to the status now
 * @param at when
 * @param actor who caused it, {@code system} for the engine's jobs
 * @param reason the reason given with the decision that caused it (what a supplement
 * request asks for, why a dossier is refused), null when none was given
 * @param sequence the event's number among the dossier's events
 */
public record DossierStatusChanged(String dossierCode, String procedureCode, String processingUnit, DossierStatus from,
		DossierStatus to, Instant at, String actor, String reason, long sequence) implements BusinessEvent {
}
