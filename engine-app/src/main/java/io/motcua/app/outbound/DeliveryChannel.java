package io.motcua.app.outbound;

/**
 * Delivers events to destinations of one kind. The outbox calls it outside any
 * transaction, one event at a time per destination, in order per dossier; it answers what
 * happened and never throws for a destination's failure.
 */
public interface DeliveryChannel {

	/** The kind of destination it serves. */
	DestinationKind kind();

	/**
	 * Hands one event to a destination.
	 * @param destination where to
	 * @param event what
	 * @return whether the destination accepted it, and its answer
	 */
	DeliveryOutcome deliver(Target destination, FeedEvent event);

	/**
	 * A destination as a channel sees it.
	 *
	 * @param id its id
	 * @param url where it listens
	 * @param secret its signing secret, null when it has none
	 */
	record Target(String id, String url, String secret) {
	}

	/**
	 * What a destination answered.
	 *
	 * @param accepted it took the event (a 2xx answer): never send it again
	 * @param status the HTTP status it answered, null when none came
	 * @param error why it was not accepted, for the delivery log; null when accepted
	 */
	record DeliveryOutcome(boolean accepted, Integer status, String error) {

		public static DeliveryOutcome accepted(int status) {
			return new DeliveryOutcome(true, status, null);
		}

		public static DeliveryOutcome refused(Integer status, String error) {
			return new DeliveryOutcome(false, status,
					(error != null && error.length() > 1000) ? error.substring(0, 1000) : error);
		}

	}

}
