package io.motcua.app.outbound;

/** What kind of receiver a destination is, and so which channel delivers to it. */
public enum DestinationKind {

	/** A URL an administrator subscribed; signed CloudEvents. */
	WEBHOOK,

	/** The national public-service portal's status sync. */
	PORTAL

}
