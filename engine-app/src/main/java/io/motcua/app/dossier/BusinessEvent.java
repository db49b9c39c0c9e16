package io.motcua.app.dossier;

import java.time.Instant;

/**
 * A business fact about one dossier, published with the command that caused it and told
 * to the world after commit (webhooks, the broker, the national portal). Each dossier
 * numbers its events from 1 in the order their commands committed
 * ({@link DossierService#nextEventNumber}), so a receiver can keep them in order and see
 * a gap.
 */
public interface BusinessEvent {

	/** The dossier the event is about. */
	String dossierCode();

	/** The event's number among its dossier's events, from 1, without gaps. */
	long sequence();

	/** When it happened. */
	Instant at();

}
