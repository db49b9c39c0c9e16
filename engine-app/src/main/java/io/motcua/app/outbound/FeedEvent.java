package io.motcua.app.outbound;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One event of the outbox, as every destination receives it.
 *
 * @param id its stable id: the same on every delivery and redelivery, by which receivers
 * drop duplicates
 * @param type its CloudEvents type
 * @param dossierCode the dossier it is about (the CloudEvents {@code subject})
 * @param sequence its number among the dossier's events, from 1
 * @param unitCode the unit that processes the dossier
 * @param occurredAt when it happened
 * @param data its data, JSON
 */
public record FeedEvent(String id, EventType type, String dossierCode, long sequence, String unitCode,
		Instant occurredAt, String data) {

	/**
	 * The id of a dossier's {@code sequence}-th event: derived, not drawn, so that an
	 * event written twice (a reaction run again after a crash) keeps its id.
	 */
	static String idOf(String dossierCode, long sequence) {
		return UUID.nameUUIDFromBytes(("motcua-event:" + dossierCode + ":" + sequence).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

}
