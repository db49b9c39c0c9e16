package io.motcua.app.workflow;

import java.time.Instant;

/**
 * What the engine reports while it moves a dossier's process, in the engine's own
 * transaction: the one implementation keeps the dossier's status, timeline and deadlines
 * in step with the process. Workflow calls it; it never calls back into the engine.
 */
public interface DossierProgress {

	/**
	 * The process reached an element that stands for a dossier status (model property
	 * {@code dossierStatus}).
	 */
	void statusReached(StatusReached reached);

	/**
	 * A step was handed to a group.
	 * @return the step's due date, null when it has none
	 */
	Instant stepOpened(StepOpened opened);

	/**
	 * A step was completed.
	 * @return how it finished against its due date (a verdict's name), null without one
	 */
	String stepCompleted(StepCompleted completed);

	/** An SLA timer fired. */
	void alarmRaised(String dossierCode, SlaAlarm alarm);

	/**
	 * A job of the dossier's process failed for good (its retries are spent): the dossier
	 * is stuck until an administrator retries it.
	 */
	void incidentRaised(IncidentRaised raised);

	/**
	 * A job that failed for good.
	 *
	 * @param dossierCode the dossier
	 * @param stepId the model's id of the step that failed
	 * @param stepName its display name
	 * @param error the failure's message
	 */
	record IncidentRaised(String dossierCode, String stepId, String stepName, String error) {
	}

	/**
	 * A status reached.
	 *
	 * @param dossierCode the dossier (the process's business key)
	 * @param status the status the element stands for (a dossier status's name)
	 * @param stepName the element's name, for the timeline
	 * @param actor who caused it, {@code system} for the engine's jobs
	 * @param reason the comment given with the decision that led here, null when none
	 */
	record StatusReached(String dossierCode, String status, String stepName, String actor, String reason) {
	}

	/**
	 * A step handed over.
	 *
	 * @param dossierCode the dossier
	 * @param taskId the step
	 * @param taskKey the model's id of the step, by which a procedure splits its time
	 * @param name its display name
	 * @param candidateGroup the group it is handed to
	 * @param defaultShare its share of the processing time in percent as the model gives
	 * it, null when the model gives none
	 * @param actor who handed it over
	 */
	record StepOpened(String dossierCode, String taskId, String taskKey, String name, String candidateGroup,
			Integer defaultShare, String actor) {
	}

	/**
	 * A step completed.
	 *
	 * @param dossierCode the dossier
	 * @param taskId the step
	 * @param taskKey the model's id of the step
	 * @param name its display name
	 * @param outcome the outcome chosen, null when the model offers none
	 * @param actor who completed it
	 * @param openedAt when it was handed over
	 * @param dueAt its due date, null when it had none
	 * @param completedAt when it was completed
	 */
	record StepCompleted(String dossierCode, String taskId, String taskKey, String name, String outcome, String actor,
			Instant openedAt, Instant dueAt, Instant completedAt) {
	}

}
