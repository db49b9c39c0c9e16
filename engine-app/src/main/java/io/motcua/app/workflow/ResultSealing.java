package io.motcua.app.workflow;

/**
 * The lifecycle's two service steps after the approver signs, which run in the engine's
 * jobs (retried, and an incident when they keep failing): the unit's seal, then the
 * verification of the sealed result.
 */
public interface ResultSealing {

	/** Applies the processing unit's seal to the approver-signed result, once. */
	void seal(String dossierCode);

	/**
	 * Verifies the sealed result.
	 * @return whether it is valid; when it is not, the dossier waits to be sent back to
	 * signing
	 * @throws RuntimeException when it cannot be verified (the job is retried, then
	 * becomes an incident)
	 */
	boolean verify(String dossierCode);

}
