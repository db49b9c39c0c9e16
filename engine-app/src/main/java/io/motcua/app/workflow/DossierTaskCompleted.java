package io.motcua.app.workflow;

/**
 * A member of staff completed a step of a dossier. Published before the engine moves on,
 * so the timeline shows the decision before its consequences.
 *
 * @param dossierCode the dossier
 * @param taskId the engine's task id
 * @param taskKey BPMN id of the user task
 * @param taskName display name of the step
 * @param outcome the outcome chosen
 * @param comment the comment given, may be null
 * @param actor who completed it
 */
public record DossierTaskCompleted(String dossierCode, String taskId, String taskKey, String taskName, String outcome,
		String comment, String actor) {
}
