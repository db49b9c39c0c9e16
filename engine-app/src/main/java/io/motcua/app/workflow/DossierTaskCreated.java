package io.motcua.app.workflow;

/**
 * A step of a dossier was handed to a candidate group.
 *
 * @param dossierCode the dossier
 * @param taskId the engine's task id
 * @param taskKey BPMN id of the user task
 * @param taskName display name of the step
 * @param candidateGroup the group the step was handed to (unit code + ":" + role), may be
 * null
 * @param actor who handed it over, {@code system} for jobs
 */
public record DossierTaskCreated(String dossierCode, String taskId, String taskKey, String taskName,
		String candidateGroup, String actor) {
}
