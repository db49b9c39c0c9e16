package io.motcua.app.workflow;

/**
 * The process of a dossier reached an element that declares a dossier status (extension
 * property {@code dossierStatus}). Published synchronously inside the engine's
 * transaction.
 *
 * @param dossierCode the dossier (the process instance's business key)
 * @param elementId BPMN element id
 * @param elementName BPMN element name, may be null
 * @param status the status the element declares (a {@code DossierStatus} name)
 * @param actor who caused it, {@code system} for jobs
 */
public record DossierStepReached(String dossierCode, String elementId, String elementName, String status,
		String actor) {
}
