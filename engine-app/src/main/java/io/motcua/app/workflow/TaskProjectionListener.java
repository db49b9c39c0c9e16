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

import io.motcua.app.security.StaffDirectory;
import io.motcua.processes.DossierLifecycle;

/**
 * Keeps {@link TaskRecord} in step with the engine's user tasks, in the engine's
 * transaction, and reports each step's opening and completion to the
 * {@link DossierProgress}, which answers its due date and verdict.
 */
class TaskProjectionListener {

	static final String CANCELLED = "CANCELLED";

	private final ObjectProvider<TaskRecordRepository> repository;

	private final ObjectProvider<DossierProgress> progressProvider;

	private final ObjectProvider<StaffDirectory> staffDirectory;

	private final Clock clock;

	private TaskRecordRepository records;

	private DossierProgress progress;

	private StaffDirectory directory;

	/**
	 * Collaborators come as providers: the engine parses models before the repositories
	 * exist.
	 */
	TaskProjectionListener(ObjectProvider<TaskRecordRepository> repository,
			ObjectProvider<DossierProgress> progressProvider, ObjectProvider<StaffDirectory> staffDirectory,
			Clock clock) {
		this.repository = repository;
		this.progressProvider = progressProvider;
		this.staffDirectory = staffDirectory;
		this.clock = clock;
	}

	void notify(DelegateTask task, TaskTraits traits) {
		if (this.records == null) {
			this.records = this.repository.getObject();
			this.progress = this.progressProvider.getObject();
			this.directory = this.staffDirectory.getObject();
		}
		switch (task.getEventName()) {
			case TaskListener.EVENTNAME_CREATE -> created(task, traits);
			case TaskListener.EVENTNAME_ASSIGNMENT ->
				this.records.findById(task.getId()).ifPresent((record) -> record.assignTo(task.getAssignee()));
			case TaskListener.EVENTNAME_COMPLETE -> this.records.findById(task.getId()).ifPresent((record) -> {
				Instant now = now();
				String actor = this.directory.currentActor();
				record.complete(now, actor, stringVariable(task, DossierLifecycle.VAR_OUTCOME),
						stringVariable(task, DossierLifecycle.VAR_DECISION_COMMENT));
				record.judge(this.progress.stepCompleted(
						new DossierProgress.StepCompleted(record.dossierCode(), record.taskId(), record.taskKey(),
								record.name(), record.outcome(), actor, record.createdAt(), record.dueAt(), now)));
			});
			case TaskListener.EVENTNAME_DELETE -> this.records.findById(task.getId())
				.filter(TaskRecord::isOpen)
				.ifPresent((record) -> record.complete(now(), this.directory.currentActor(), CANCELLED, null));
			default -> {
			}
		}
	}

	private void created(DelegateTask task, TaskTraits traits) {
		String group = task.getCandidates()
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(IdentityLink::getGroupId)
			.findFirst()
			.orElse(null);
		String dossierCode = task.getExecution().getProcessBusinessKey();
		Instant due = this.progress.stepOpened(new DossierProgress.StepOpened(dossierCode, task.getId(),
				task.getTaskDefinitionKey(), task.getName(), group, traits.slaShare(), this.directory.currentActor()));
		this.records.save(new TaskRecord(task.getId(), dossierCode, task.getProcessInstanceId(),
				task.getTaskDefinitionKey(), task.getName(), group, traits.outcomes(), traits.formId(), now(), due,
				task.getAssignee(), traits.slaShare()));
		// The engine stores the task after this listener: the date goes onto it here, for
		// the engine's own task queries
		if (due != null) {
			task.setDueDate(Date.from(due));
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	private static String stringVariable(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		return (value != null) ? value.toString() : null;
	}

	/**
	 * What the model says of a user task.
	 *
	 * @param outcomes the outcomes it offers
	 * @param formId its own form, null for none
	 * @param slaShare its default share of the processing time, null for none
	 */
	record TaskTraits(List<String> outcomes, String formId, Integer slaShare) {
	}

}
