package io.motcua.app.workflow;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A step of a dossier as a worklist shows it.
 *
 * @param id task id
 * @param dossierCode the dossier
 * @param taskKey the model's id of the step
 * @param kind what the step is for
 * @param name display name
 * @param candidateGroup group it is handed to (unit code + ":" + role)
 * @param assignee who holds it, null when unclaimed
 * @param createdAt when it was handed over
 * @param dueAt when it is due, null when no deadline applies yet
 * @param completedAt when it was completed, null while open
 * @param completedBy who completed it
 * @param outcome the outcome chosen
 * @param comment the comment given with the outcome, may be null
 * @param outcomes the outcomes allowed, the one that moves the dossier forward first
 * @param verdict how the step finished against its due date (EARLY, ON_TIME, LATE), null
 * while open or without a due date
 * @param formId the step's own form, null when it has none
 * @param formData the data the step was completed with, JSON, null before
 */
public record TaskView(String id, String dossierCode, String taskKey, StepKind kind, String name, String candidateGroup,
		String assignee, Instant createdAt, Instant dueAt, Instant completedAt, String completedBy, String outcome,
		String comment, List<String> outcomes, String verdict, String formId, @JsonRawValue String formData) {

	static TaskView of(TaskRecord record) {
		return new TaskView(record.taskId(), record.dossierCode(), record.taskKey(), StepKind.of(record.taskKey()),
				record.name(), record.candidateGroup(), record.assignee(), record.createdAt(), record.dueAt(),
				record.completedAt(), record.completedBy(), record.outcome(), record.comment(), record.outcomes(),
				record.verdict(), record.formId(), record.formData());
	}

	/**
	 * The outcome that moves the dossier forward (approve, sign, return): the model lists
	 * it first.
	 */
	public String primaryOutcome() {
		return this.outcomes.isEmpty() ? null : this.outcomes.get(0);
	}

	/** Whether the step is still to be done. */
	public boolean isOpen() {
		return this.completedAt == null;
	}

}
