package io.motcua.app.dossier;

import java.time.Instant;

/**
 * A dossier's result is ready and was judged against its legal due date. Published inside
 * the command that made the result ready, once the verdict is on the dossier row. Not a
 * {@link BusinessEvent}: the world hears of the ready result through
 * {@link DossierStatusChanged}; this one is for counting dossiers by verdict, and no
 * reaction after commit listens to it (so it leaves no row in the event publication
 * registry).
 *
 * @param dossierCode the dossier
 * @param processingUnit unit that processed it
 * @param verdict how it finished against its due date: EARLY, ON_TIME or LATE
 * @param at when it was judged
 */
public record DossierJudged(String dossierCode, String processingUnit, String verdict, Instant at) {
}
