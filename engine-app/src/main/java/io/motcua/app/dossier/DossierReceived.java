package io.motcua.app.dossier;

import java.time.Instant;

/**
 * A dossier was received and its process started. Delivered after the intake commits, to
 * reactions that print its receipt and tell the world; it carries no secret and nothing
 * personal.
 *
 * @param dossierCode the dossier
 * @param procedureCode its procedure
 * @param channel how it arrived
 * @param receivingUnit unit that received it
 * @param processingUnit unit that processes it
 * @param receivedAt when it was received
 * @param receivedBy who received it (a member of staff's username, or {@code system})
 * @param sequence the dossier's first event: 1
 */
public record DossierReceived(String dossierCode, String procedureCode, Channel channel, String receivingUnit,
		String processingUnit, Instant receivedAt, String receivedBy, long sequence) implements BusinessEvent {

	@Override
	public Instant at() {
		return this.receivedAt;
	}

}
