package io.motcua.app.lifecycle;

import java.time.Instant;

import io.motcua.app.dossier.BusinessEvent;

/**
 * A step of a dossier was completed: reviewed, approved, signed or returned.
 *
 * @param dossierCode the dossier
 * @param stepKey the model's id of the step ({@code Task_ReviewDossier})
 * @param stepName its display name
 * @param outcome the outcome chosen, null when the step offers none
 * @param verdict how it finished against its due date (EARLY, ON_TIME, LATE), null
 * without one
 * @param actor who completed it
 * @param openedAt when it was handed over
 * @param at when it was completed
 * @param sequence the event's number among the dossier's events
 */
public record StepCompleted(String dossierCode, String stepKey, String stepName, String outcome, String verdict,
		String actor, Instant openedAt, Instant at, long sequence) implements BusinessEvent {
}
