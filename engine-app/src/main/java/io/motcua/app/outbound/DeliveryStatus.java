package io.motcua.app.outbound;

/** Where a delivery stands. */
public enum DeliveryStatus {

	/** Not accepted yet: it is attempted when due, after the dossier's earlier events. */
	PENDING,

	/** The destination accepted it. */
	DELIVERED,

	/**
	 * Given up after {@code motcua.outbound.dead-after}, or its destination was switched
	 * off: it waits for an administrator to redeliver it, and no longer holds back the
	 * dossier's later events.
	 */
	DEAD

}
