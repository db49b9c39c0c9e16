package io.motcua.app.dossier;

/**
 * How a dossier ended.
 */
public enum DossierOutcome {

	APPROVED, REJECTED, WITHDRAWN, RETURNED_UNPROCESSED

}
