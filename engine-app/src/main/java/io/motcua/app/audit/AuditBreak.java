package io.motcua.app.audit;

/** How a chain is broken at its first broken position. */
public enum AuditBreak {

	/** The entry at this position is gone (deleted): the chain skips it. */
	MISSING,

	/** The entry at this position was changed after it was written. */
	EDITED,

	/** The entry at this position was written at another position (rows swapped). */
	REORDERED,

	/**
	 * The entry is whole but does not follow the one before it: that one was rewritten
	 * with a recomputed hash, or this one was put in by hand.
	 */
	LINK_BROKEN,

	/** The row the entry stands for (a timeline entry, a signature) was changed. */
	SOURCE_CHANGED,

	/** The row the entry stands for was deleted. */
	SOURCE_MISSING

}
