package io.motcua.app.workflow;

/**
 * A supervisor handed an open step of a dossier to another member of staff.
 *
 * @param dossierCode the dossier
 * @param taskId the step
 * @param taskName display name of the step
 * @param from who held it, null when it was unclaimed
 * @param to who holds it now
 * @param actor who handed it over
 */
public record DossierTaskReassigned(String dossierCode, String taskId, String taskName, String from, String to,
		String actor) {
}
