package io.motcua.app.sla;

import java.time.Instant;

/**
 * A dossier passed its due date before its result was ready.
 *
 * @param dossierCode the dossier
 * @param processingUnit the unit that holds it
 * @param dueAt the due date that passed
 */
public record DeadlineMissed(String dossierCode, String processingUnit, Instant dueAt) {
}
