package io.motcua.app.dossier;

import java.time.Instant;

/**
 * A dossier has been stored and is about to start its process. Published synchronously in
 * the intake's transaction, so that listeners (the deadline ledger) can set its due date
 * before the process arms its timers.
 *
 * @param dossierCode the dossier
 * @param procedureCode its procedure
 * @param receivedAt when it was received
 * @param receivingUnit unit that received it
 * @param processingUnit unit that processes it
 * @param lookupSecret the applicant's lookup secret, for the receipt; only ever in this
 * in-process event, never stored in clear
 */
public record DossierReceived(String dossierCode, String procedureCode, Instant receivedAt, String receivingUnit,
		String processingUnit, String lookupSecret) {
}
