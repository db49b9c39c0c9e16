package io.motcua.app.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.catalog.ProcedureForms;
import io.motcua.app.security.Caller;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.PageView;
import io.motcua.app.system.ProblemException;
import io.motcua.processes.DossierLifecycle;

/**
 * Worklists, claiming and completing the steps of dossiers, scoped to the caller: a step
 * of another unit does not exist for the caller (404); a step of its unit for another
 * role is forbidden (403); a step someone else holds or already completed is a conflict
 * (409).
 */
@Service
public class DossierTasks {

	private static final Logger log = LoggerFactory.getLogger(DossierTasks.class);

	/** A worklist counts its steps up to this many; beyond, it says "10,000+". */
	static final int WORKLIST_COUNT_CAP = 10_000;

	private final TaskRecordRepository records;

	private final TaskService taskService;

	private final IdentityService identityService;

	private final StaffDirectory directory;

	private final WorkflowProperties properties;

	private final Clock clock;

	private final ProcedureForms forms;

	private final EntityManager entityManager;

	DossierTasks(TaskRecordRepository records, EntityManager entityManager, TaskService taskService,
			IdentityService identityService, StaffDirectory directory, WorkflowProperties properties,
			ProcedureForms forms, Clock clock) {
		this.forms = forms;
		this.entityManager = entityManager;
		this.records = records;
		this.taskService = taskService;
		this.identityService = identityService;
		this.directory = directory;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The caller's open steps and the unclaimed steps of its groups, earliest deadline
	 * first.
	 */
	@Transactional(readOnly = true)
	public PageView<TaskView> worklist(String dossierCode, int page, int size) {
		Caller caller = this.directory.currentCaller();
		List<String> groups = caller.candidateGroups().isEmpty() ? List.of("-") : List.copyOf(caller.candidateGroups());
		PageRequest request = PageRequest.of(page, size);
		if (dossierCode != null && !dossierCode.isBlank()) {
			return PageView.of(this.records.findWorklistOfDossier(caller.username(), groups, dossierCode, request),
					TaskView::of);
		}
		// What the caller holds and each group's unclaimed steps are disjoint index
		// ranges, each read in deadline order up to the page's end and merged here.
		// An OR over both read and sorted every open step of the groups (42,000 for
		// a specialist in workload 3 of the benchmarks). A range read short of the
		// page's end is whole: only a full one needs counting, and only up to
		// WORKLIST_COUNT_CAP (a worklist of 10,000+ steps needs no exact number).
		int wanted = (int) Math.min(Integer.MAX_VALUE, request.getOffset() + size);
		List<TaskRecord> held = this.records.findOpenHeldBy(caller.username(), Limit.of(wanted));
		List<TaskRecord> merged = new ArrayList<>(held);
		long heldCount = (held.size() < wanted) ? held.size()
				: this.records.countOpenHeldUpTo(caller.username(), WORKLIST_COUNT_CAP + 1);
		boolean capped = heldCount > WORKLIST_COUNT_CAP;
		long total = Math.min(heldCount, WORKLIST_COUNT_CAP);
		for (String group : caller.candidateGroups()) {
			List<TaskRecord> unclaimed = this.records.findOpenUnclaimed(group, Limit.of(wanted));
			merged.addAll(unclaimed);
			long count = (unclaimed.size() < wanted) ? unclaimed.size()
					: this.records.countOpenUnclaimedUpTo(group, WORKLIST_COUNT_CAP + 1);
			capped |= count > WORKLIST_COUNT_CAP;
			total += Math.min(count, WORKLIST_COUNT_CAP);
		}
		merged.sort(WORKLIST_ORDER);
		int from = (int) Math.min(request.getOffset(), merged.size());
		return PageView.of(new PageImpl<>(merged.subList(from, Math.min(wanted, merged.size())), request, total),
				TaskView::of, capped);
	}

	/** Earliest deadline first, steps without one last, then the oldest. */
	private static final Comparator<TaskRecord> WORKLIST_ORDER = Comparator
		.comparing(TaskRecord::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing(TaskRecord::createdAt);

	/** A step by id, if the caller may see it. */
	@Transactional(readOnly = true)
	public TaskView find(String taskId) {
		return TaskView.of(visible(this.records.findById(taskId), taskId, this.directory.currentCaller()));
	}

	/**
	 * Every step of a dossier, open and done, oldest first. The caller's access to the
	 * dossier is checked by the caller of this method.
	 */
	@Transactional(readOnly = true)
	public List<TaskView> stepsOf(String dossierCode) {
		return this.records.findByDossierCodeOrderByCreatedAt(dossierCode).stream().map(TaskView::of).toList();
	}

	/**
	 * The open step of a dossier that is of this kind, whoever asks: the caller's access
	 * to the dossier is checked by the caller of this method.
	 */
	@Transactional(readOnly = true)
	public Optional<TaskView> openStep(String dossierCode, StepKind kind) {
		return this.records.findByDossierCodeAndCompletedAtIsNull(dossierCode)
			.stream()
			.map(TaskView::of)
			.filter((step) -> step.kind() == kind)
			.findFirst();
	}

	/**
	 * A supervisor (or administrator) of the step's unit hands an open step to another
	 * member of that unit who holds the step's role.
	 * @return the step, and who held it before
	 * @throws ProblemException 404 for a step the caller may not see, 403 for a caller
	 * who is not a supervisor or administrator, 422 for a user without the role in that
	 * unit, 409 for a step already completed
	 */
	@Transactional
	public Reassignment reassign(String taskId, String username) {
		Caller caller = this.directory.currentCaller();
		TaskRecord record = visible(locked(taskId), taskId, caller);
		if (!caller.has(Role.SUPERVISOR) && !caller.has(Role.ADMIN)) {
			throw ProblemException.forbidden("Only a supervisor or an administrator hands steps over");
		}
		if (!record.isOpen()) {
			throw ProblemException.conflict("Task " + taskId + " was already completed by " + record.completedBy());
		}
		Role role = Role.valueOf(record.role());
		if (!this.directory.staffWithRole(record.unitCode(), role).contains(username)) {
			throw ProblemException.invalid("username",
					username + " is not a " + role + " of unit " + record.unitCode());
		}
		String previous = record.assignee();
		asCaller(caller, () -> this.taskService.setAssignee(taskId, username));
		log.info("Task {} of dossier {} handed from {} to {} by {}", taskId, record.dossierCode(), previous, username,
				caller.username());
		return new Reassignment(TaskView.of(record), previous);
	}

	/**
	 * A step handed over.
	 *
	 * @param step the step, with its new holder
	 * @param previousAssignee who held it before, null when nobody did
	 */
	public record Reassignment(TaskView step, String previousAssignee) {
	}

	/**
	 * The caller takes the step.
	 * @throws ProblemException 404, 403 or 409 as described on the class
	 */
	@Transactional
	public TaskView claim(String taskId) {
		Caller caller = this.directory.currentCaller();
		TaskRecord record = actionable(taskId, caller);
		if (caller.username().equals(record.assignee())) {
			return TaskView.of(record);
		}
		asCaller(caller, () -> this.taskService.claim(taskId, caller.username()));
		log.info("Task {} of dossier {} claimed by {}", taskId, record.dossierCode(), caller.username());
		return TaskView.of(record);
	}

	/**
	 * The step as the caller may act on it now with this outcome; locks it until the
	 * transaction ends, so that two people completing it are served one after the other.
	 * @throws ProblemException 404, 403 or 409 as described on the class; 422 for an
	 * outcome the step does not have
	 */
	@Transactional
	public TaskView actionable(String taskId, String outcome) {
		TaskRecord record = actionable(taskId, this.directory.currentCaller());
		if (outcome == null || !record.outcomes().contains(outcome)) {
			throw ProblemException.invalid("Outcome '" + outcome + "' is not one of " + record.outcomes(),
					List.of(new FieldError("outcome", "must be one of " + record.outcomes())));
		}
		return TaskView.of(record);
	}

	/**
	 * The caller completes the step with one of its outcomes (an unclaimed step is
	 * claimed first) and the engine moves the dossier on to its next steps, reporting to
	 * the {@link DossierProgress} as it goes. This is the engine's part only: a member of
	 * staff completes a step through the lifecycle's {@code StepCompletion}, which also
	 * records the decision, signs at the sign step and follows the deadline.
	 * @throws ProblemException 404, 403 or 409 as described on the class; 422 for an
	 * outcome the step does not have, or naming every field of the step's form that
	 * breaks a rule
	 */
	@Transactional
	public void complete(String taskId, StepDecision decision) {
		complete(taskId, decision, null);
	}

	/**
	 * The specialist asks the applicant for missing documents: completes the dossier's
	 * review with that outcome; the dossier waits until the supplement arrives or the
	 * deadline passes.
	 * @param reviewTaskId the dossier's open review step
	 * @param deadline when the applicant must bring it, null for the configured default
	 * @throws ProblemException 422 for a deadline in the past; 404, 403, 409 as described
	 * on the class
	 */
	@Transactional
	public void requestSupplement(String reviewTaskId, String reason, Instant deadline) {
		if (deadline != null && !deadline.isAfter(this.clock.instant())) {
			throw ProblemException.invalid("deadline", "must be in the future");
		}
		complete(reviewTaskId, new StepDecision(DossierLifecycle.OUTCOME_REQUEST_SUPPLEMENT, reason, null), deadline);
	}

	private void complete(String taskId, StepDecision decision, Instant supplementDeadline) {
		Caller caller = this.directory.currentCaller();
		TaskRecord record = actionable(taskId, caller);
		String outcome = decision.outcome();
		if (outcome == null || !record.outcomes().contains(outcome)) {
			throw ProblemException.invalid("Outcome '" + outcome + "' is not one of " + record.outcomes(),
					List.of(new FieldError("outcome", "must be one of " + record.outcomes())));
		}
		JsonNode formData = decision.formData();
		if (record.formId() != null) {
			record.fillForm(validatedForm(record, formData));
		}
		else if (formData != null && !formData.isNull() && !formData.isEmpty()) {
			throw ProblemException.invalid("formData", "step " + record.name() + " has no form");
		}
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierLifecycle.VAR_OUTCOME, outcome);
		// The comment travels with this command only: the step keeps it, and the status
		// it leads to (a supplement request, a refusal) gives it as its reason
		variables.put(DossierLifecycle.VAR_DECISION_COMMENT, Variables.stringValue(decision.comment(), true));
		if (DossierLifecycle.OUTCOME_REQUEST_SUPPLEMENT.equals(outcome)) {
			Instant deadline = (supplementDeadline != null) ? supplementDeadline
					: this.clock.instant().plus(Duration.ofDays(this.properties.supplementDeadlineDays()));
			variables.put(DossierLifecycle.VAR_SUPPLEMENT_DEADLINE, deadline.toString());
		}
		asCaller(caller, () -> {
			if (record.assignee() == null) {
				this.taskService.claim(taskId, caller.username());
			}
			this.taskService.complete(taskId, variables);
		});
		log.info("Task {} ({}) of dossier {} completed by {} with {}", taskId, record.taskKey(), record.dossierCode(),
				caller.username(), outcome);
	}

	private String validatedForm(TaskRecord record, JsonNode formData) {
		JsonNode submission = (formData == null || formData.isNull()) ? JsonNodeFactory.instance.objectNode()
				: formData;
		this.forms.requireValid(record.formId(), submission, "The form of step " + record.name(),
				(path) -> path.isEmpty() ? "formData" : "formData." + path);
		return submission.toString();
	}

	private TaskRecord actionable(String taskId, Caller caller) {
		TaskRecord record = visible(locked(taskId), taskId, caller);
		boolean candidate = record.candidateGroup() != null
				&& caller.candidateGroups().contains(record.candidateGroup());
		if (!candidate && !caller.username().equals(record.assignee())) {
			throw ProblemException.forbidden("Task " + taskId + " is for " + record.role() + " of unit "
					+ record.unitCode() + "; your roles are " + caller.roles());
		}
		if (!record.isOpen()) {
			throw ProblemException.conflict("Task " + taskId + " was already completed by " + record.completedBy()
					+ " at " + record.completedAt());
		}
		if (record.assignee() != null && !record.assignee().equals(caller.username())) {
			throw ProblemException.conflict("Task " + taskId + " is held by " + record.assignee()
					+ "; ask them or a supervisor to hand it over");
		}
		return record;
	}

	/**
	 * The step, locked until the transaction ends, so that two people completing it are
	 * served one after the other. Found through the persistence context: a command that
	 * checks a step and then completes it locks its row once.
	 */
	private Optional<TaskRecord> locked(String taskId) {
		return Optional.ofNullable(this.entityManager.find(TaskRecord.class, taskId, LockModeType.PESSIMISTIC_WRITE));
	}

	private static TaskRecord visible(Optional<TaskRecord> found, String taskId, Caller caller) {
		return found
			.filter((record) -> record.unitCode() == null || caller.sees(record.unitCode())
					|| caller.username().equals(record.assignee()))
			.orElseThrow(() -> ProblemException.notFound("No task " + taskId));
	}

	private void asCaller(Caller caller, Runnable action) {
		this.identityService.setAuthenticatedUserId(caller.username());
		try {
			Workflow.refusingConcurrentChanges(() -> {
				action.run();
				return null;
			});
		}
		catch (NullValueException ex) {
			throw ProblemException.conflict("The task no longer exists; it was completed or cancelled meanwhile");
		}
		finally {
			this.identityService.clearAuthentication();
		}
	}

	/**
	 * The open steps of these dossiers, for the deadline's owner to re-project their due
	 * dates along with the dossiers'.
	 */
	@Transactional(readOnly = true)
	public List<OpenStep> openSteps(Collection<String> dossierCodes) {
		if (dossierCodes.isEmpty()) {
			return List.of();
		}
		return this.records.findByDossierCodeInAndCompletedAtIsNull(dossierCodes)
			.stream()
			.map((record) -> new OpenStep(record.taskId(), record.dossierCode(), record.taskKey(),
					record.defaultShare(), record.createdAt(), record.dueAt()))
			.toList();
	}

	/**
	 * Writes re-projected due dates onto open steps; worklists and step verdicts read
	 * them from here.
	 * @param dueByStep the new due date per step id
	 */
	@Transactional
	public void redate(Map<String, Instant> dueByStep) {
		if (dueByStep.isEmpty()) {
			return;
		}
		for (TaskRecord record : this.records.findAllById(dueByStep.keySet())) {
			if (record.isOpen()) {
				record.dueOn(dueByStep.get(record.taskId()));
			}
		}
		// The engine's task carries the same date, for Cockpit and Tasklist
		for (Task task : this.taskService.createTaskQuery()
			.taskIdIn(dueByStep.keySet().toArray(String[]::new))
			.list()) {
			task.setDueDate(Date.from(dueByStep.get(task.getId())));
			this.taskService.saveTask(task);
		}
	}

	/**
	 * An open step, as the deadline's owner needs it.
	 *
	 * @param taskId the step
	 * @param dossierCode its dossier
	 * @param taskKey the model's id, by which a procedure splits its time
	 * @param defaultShare its share as the model gives it, null for none
	 * @param openedAt when it was handed over
	 * @param dueAt its due date now, null for none
	 */
	public record OpenStep(String taskId, String dossierCode, String taskKey, Integer defaultShare, Instant openedAt,
			Instant dueAt) {
	}

}
