package io.motcua.app.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;

/**
 * One event of a dossier's deadline ledger.
 *
 * @param type what happened
 * @param at when
 * @param budget the working time granted (RECEIVED, RESTARTED), else null
 * @param cutOff receipts at or after this local time count from the next working day
 * (RECEIVED only), may be null
 * @param appointment the new appointment (EXTENDED), else null
 * @param reason why, may be null
 * @param actor who
 */
public record LedgerEntry(Type type, Instant at, Duration budget, LocalTime cutOff, Instant appointment, String reason,
		String actor) {

	/** Kinds of ledger event. */
	public enum Type {

		/** The dossier was received with the procedure's time budget. */
		RECEIVED,
		/** A supplement was requested: the clock stops. */
		PAUSED,
		/** The supplement arrived; the remaining time continues. */
		RESUMED,
		/** The supplement arrived; the full time budget starts again. */
		RESTARTED,
		/** The office extended the appointment (apology letter). */
		EXTENDED,
		/** An administrator changed the working calendar; the due date was recomputed. */
		CALENDAR_CHANGED

	}

}
