package io.motcua.app.dossier;

import java.time.Instant;

/**
 * A dossier cannot move on by itself: a job of its process failed for good, its signed
 * result did not verify, or a reaction to it keeps failing. Delivered after commit, so
 * that the supervisors of the unit hear of it.
 *
 * @param dossierCode the dossier
 * @param processingUnit the unit that processes it
 * @param cause why it is stuck
 * @param step where: the step of its process, or the reaction that keeps failing
 * @param detail the error as an operator reads it
 * @param at when it got stuck
 */
public record DossierStuck(String dossierCode, String processingUnit, Cause cause, String step, String detail,
		Instant at) {

	/** Why a dossier is stuck. */
	public enum Cause {

		/** A job of its process (seal, verification, a timer) failed for good. */
		INCIDENT,
		/** Its signed result did not verify; it waits to be sent back to signing. */
		VERIFICATION_FAILED,
		/** A reaction after commit (a letter, a notification) keeps failing. */
		REACTION_FAILED

	}

}
