package io.motcua.app.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;

import io.motcua.app.security.StaffDirectory;
import io.motcua.processes.DossierLifecycle;

/**
 * Keeps {@link TaskRecord} in step with the engine's user tasks, in the engine's
 * transaction.
 */
class TaskProjectionListener {

	static final String CANCELLED = "CANCELLED";

	private final ObjectProvider<TaskRecordRepository> repository;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<StaffDirectory> staffDirectory;

	private final Clock clock;

	private TaskRecordRepository records;

	private StaffDirectory directory;

	/**
	 * Collaborators come as providers: the engine parses models before the repositories
	 * exist.
	 */
	TaskProjectionListener(ObjectProvider<TaskRecordRepository> repository, ApplicationEventPublisher events,
			ObjectProvider<StaffDirectory> staffDirectory, Clock clock) {
		this.repository = repository;
		this.events = events;
		this.staffDirectory = staffDirectory;
		this.clock = clock;
	}

	void notify(DelegateTask task, List<String> outcomes, String formId) {
		if (this.records == null) {
			this.records = this.repository.getObject();
			this.directory = this.staffDirectory.getObject();
		}
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> created(task, outcomes, formId);
			case TaskListener.EVENTNAME_ASSIGNMENT ->
				this.records.findById(task.getId()).ifPresent((record) -> record.assignTo(task.getAssignee()));
			case TaskListener.EVENTNAME_COMPLETE -> this.records.findById(task.getId())
				.ifPresent((record) -> record.complete(now(), this.directory.currentActor(),
						stringVariable(task, DossierLifecycle.VAR_OUTCOME)));
			case TaskListener.EVENTNAME_DELETE -> this.records.findById(task.getId())
				.filter(TaskRecord::isOpen)
				.ifPresent((record) -> record.complete(now(), this.directory.currentActor(), CANCELLED));
			default -> {
			}
		}
	}

	private void created(DelegateTask task, List<String> outcomes, String formId) {
		String group = task.getCandidates()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElse(null);
		String dossierCode = task.getExecution().getProcessBusinessKey();
		Instant due = (task.getDueDate() != null) ? task.getDueDate().toInstant() : null;
		this.records.save(new TaskRecord(task.getId(), dossierCode, task.getProcessInstanceId(),
				task.getTaskDefinitionKey(), task.getName(), group, outcomes, formId, now(), due, task.getAssignee()));
		this.events.publishEvent(new DossierTaskCreated(dossierCode, task.getId(), task.getTaskDefinitionKey(),
				task.getName(), group, this.directory.currentActor()));
		// The deadline service gives the step its share of the budget; the engine stores
		// the task only after this listener, so the date goes onto the task here, for
		// Cockpit, Tasklist and the engine's task queries
		this.records.findById(task.getId())
			.map(TaskRecord::dueAt)
			.filter((dueAt) -> !dueAt.equals(due))
			.ifPresent((dueAt) -> task.setDueDate(Date.from(dueAt)));
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String stringVariable(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		return (value != null) ? value.toString() : null;
	}

}
