package io.motcua.app.workflow;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * A step of a dossier as a worklist shows it.
 *
 * @param id task id
 * @param dossierCode the dossier
 * @param taskKey BPMN id of the step
 * @param name display name
 * @param candidateGroup group it is handed to (unit code + ":" + role)
 * @param assignee who holds it, null when unclaimed
 * @param createdAt when it was handed over
 * @param dueAt when it is due, null when no deadline applies yet
 * @param completedAt when it was completed, null while open
 * @param completedBy who completed it
 * @param outcome the outcome chosen
 * @param outcomes the outcomes allowed
 * @param verdict how the step finished against its due date (EARLY, ON_TIME, LATE), null
 * while open or without a due date
 */
public record TaskView(String id, String dossierCode, String taskKey, String name, String candidateGroup,
		String assignee, Instant createdAt, Instant dueAt, Instant completedAt, String completedBy, String outcome,
		List<String> outcomes, String verdict, String formId, @JsonRawValue String formData) {

	static TaskView of(TaskRecord record) {
		return new TaskView(record.taskId(), record.dossierCode(), record.taskKey(), record.name(),
				record.candidateGroup(), record.assignee(), record.createdAt(), record.dueAt(), record.completedAt(),
				record.completedBy(), record.outcome(), record.outcomes(), record.verdict(), record.formId(),
				record.formData());
	}

}
