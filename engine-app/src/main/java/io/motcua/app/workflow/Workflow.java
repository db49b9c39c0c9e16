package io.motcua.app.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.system.ProblemException;
import io.motcua.processes.DossierLifecycle;

/**
 * The port through which the rest of the application drives a dossier's process: start
 * it, deliver the applicant's messages, move its SLA timers.
 */
@Service
public class Workflow {

	private static final Logger log = LoggerFactory.getLogger(Workflow.class);

	/**
	 * Timer date of a stopped clock: far beyond any dossier, and the job is suspended
	 * too.
	 */
	static final String STOPPED_CLOCK = "9999-12-31T00:00:00Z";

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ManagementService management;

	private final ProcessEngineConfigurationImpl engine;

	private final HistoryService history;

	/** Which SLA timer a job definition stands for; definitions never change. */
	private final Map<String, String> slaTimerOfDefinition = new ConcurrentHashMap<>();

	Workflow(RuntimeService runtime, RepositoryService repository, ManagementService management, HistoryService history,
			ProcessEngineConfigurationImpl engine) {
		this.history = history;
		this.engine = engine;
		this.runtime = runtime;
		this.repository = repository;
		this.management = management;
	}

	/**
	 * Starts the process of a dossier that has just been stored and whose deadline is
	 * open: it runs to its first step, reporting to the {@link DossierProgress} on the
	 * way.
	 * @param processKey the procedure's process key
	 * @param dossierCode the dossier's code, used as business key
	 * @param receivingUnit unit that received the dossier
	 * @param processingUnit unit that processes it
	 * @param timers where its SLA timers fire
	 * @return the process instance id
	 */
	@Transactional
	public String start(String processKey, String dossierCode, String receivingUnit, String processingUnit,
			SlaTimers timers) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierLifecycle.VAR_DOSSIER_CODE, dossierCode);
		variables.put(DossierLifecycle.VAR_RECEIVING_UNIT, receivingUnit);
		variables.put(DossierLifecycle.VAR_PROCESSING_UNIT, processingUnit);
		variables.put(DossierLifecycle.VAR_SLA_WARNING_AT, timerDate(timers.warningAt()));
		variables.put(DossierLifecycle.VAR_SLA_DUE_AT, timerDate(timers.dueAt()));
		ProcessInstance instance = this.runtime.createProcessInstanceByKey(processKey)
			.businessKey(dossierCode)
			.setVariables(variables)
			.execute();
		log.info("Started process {} for dossier {} (instance {})", processKey, dossierCode, instance.getId());
		return instance.getId();
	}

	/**
	 * Moves a dossier's SLA timers to new instants, or stops them (null dates) while its
	 * clock is stopped. Does nothing for a dossier whose process has ended. Called by the
	 * deadline's owner after the engine has moved, never from inside the engine's own
	 * command (a nested command would change the timer jobs behind the outer one's back).
	 */
	@Transactional
	public void rescheduleTimers(String dossierCode, SlaTimers timers) {
		if (Context.getCommandContext() != null) {
			throw new IllegalStateException("The SLA timers of dossier " + dossierCode
					+ " must be moved after the engine's command, not from inside it");
		}
		String instance = (timers.processInstanceId() != null) ? timers.processInstanceId()
				: processInstanceOf(dossierCode);
		if (instance != null) {
			applyTimers(instance, timers.warningAt(), timers.dueAt());
		}
	}

	/**
	 * Moves the SLA timers of many dossiers at once (after a calendar change), in one
	 * engine command: their process instances, variables and timer jobs are read with a
	 * few queries instead of several per dossier, and the engine flushes every change in
	 * one batch, under its usual optimistic locking. A dossier whose clock is stopped, or
	 * whose timers are suspended, takes the one-by-one path, which suspends and activates
	 * jobs.
	 * @param timers the new dates per process instance
	 */
	@Transactional
	public void rescheduleTimers(List<SlaTimers> timers) {
		Map<String, SlaTimers> byInstance = new LinkedHashMap<>();
		timers.stream()
			.filter((timer) -> timer.processInstanceId() != null)
			.forEach((timer) -> byInstance.put(timer.processInstanceId(), timer));
		if (byInstance.isEmpty()) {
			return;
		}
		Set<String> oneByOne = new HashSet<>();
		this.engine.getCommandExecutorTxRequired().execute((Command<Void>) (context) -> {
			Map<String, List<Job>> slaJobs = new HashMap<>();
			for (Job job : this.management.createJobQuery().processInstanceIds(byInstance.keySet()).list()) {
				if (slaTimerOf(job) != null) {
					slaJobs.computeIfAbsent(job.getProcessInstanceId(), (id) -> new ArrayList<>()).add(job);
				}
			}
			// Each variable update writes its history row after reading it by id: read
			// them all now, into this command's cache
			this.history.createHistoricVariableInstanceQuery()
				.processInstanceIdIn(byInstance.keySet().toArray(String[]::new))
				.variableNameIn(DossierLifecycle.VAR_SLA_WARNING_AT, DossierLifecycle.VAR_SLA_DUE_AT)
				.list();
			for (ProcessInstance instance : this.runtime.createProcessInstanceQuery()
				.processInstanceIds(byInstance.keySet())
				.list()) {
				SlaTimers timer = byInstance.get(instance.getId());
				List<Job> own = slaJobs.getOrDefault(instance.getId(), List.of());
				if (timer.dueAt() == null || own.stream().anyMatch(Job::isSuspended)) {
					oneByOne.add(instance.getId());
					continue;
				}
				// The instance is in this command's cache: no further read for it
				this.runtime.setVariables(instance.getId(), Map.of(DossierLifecycle.VAR_SLA_WARNING_AT,
						timerDate(timer.warningAt()), DossierLifecycle.VAR_SLA_DUE_AT, timerDate(timer.dueAt())));
				for (Job job : own) {
					Instant at = DossierLifecycle.TIMER_SLA_WARNING.equals(slaTimerOf(job)) ? timer.warningAt()
							: timer.dueAt();
					this.management.setJobDuedate(job.getId(), Date.from(at));
				}
			}
			return null;
		});
		for (String id : oneByOne) {
			SlaTimers timer = byInstance.get(id);
			applyTimers(id, timer.warningAt(), timer.dueAt());
		}
	}

	/** The SLA timer a job fires, null for any other job. */
	private String slaTimerOf(Job job) {
		String definition = job.getJobDefinitionId();
		if (definition == null) {
			return null;
		}
		String timer = this.slaTimerOfDefinition.get(definition);
		if (timer == null) {
			JobDefinition found = this.management.createJobDefinitionQuery().jobDefinitionId(definition).singleResult();
			String activity = (found != null) ? found.getActivityId() : null;
			timer = (DossierLifecycle.TIMER_SLA_WARNING.equals(activity)
					|| DossierLifecycle.TIMER_SLA_OVERDUE.equals(activity)) ? activity : "";
			this.slaTimerOfDefinition.put(definition, timer);
		}
		return timer.isEmpty() ? null : timer;
	}

	private String processInstanceOf(String dossierCode) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(dossierCode)
			.singleResult();
		return (instance != null) ? instance.getId() : null;
	}

	private void applyTimers(String processInstanceId, Instant warningAt, Instant dueAt) {
		this.runtime.setVariable(processInstanceId, DossierLifecycle.VAR_SLA_WARNING_AT, timerDate(warningAt));
		this.runtime.setVariable(processInstanceId, DossierLifecycle.VAR_SLA_DUE_AT, timerDate(dueAt));
		reschedule(processInstanceId, DossierLifecycle.TIMER_SLA_WARNING, warningAt);
		reschedule(processInstanceId, DossierLifecycle.TIMER_SLA_OVERDUE, dueAt);
	}

	private void reschedule(String processInstanceId, String timerId, Instant at) {
		for (Job job : this.management.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(timerId)
			.list()) {
			if (at == null) {
				if (!job.isSuspended()) {
					this.management.suspendJobById(job.getId());
				}
				continue;
			}
			this.management.setJobDuedate(job.getId(), Date.from(at));
			if (job.isSuspended()) {
				this.management.activateJobById(job.getId());
			}
		}
	}

	/**
	 * The value of a timer's date variable: ISO-8601, or, while the clock is stopped, a
	 * date no dossier reaches (the job is suspended as well).
	 */
	private static String timerDate(Instant at) {
		return (at != null) ? at.toString() : STOPPED_CLOCK;
	}

	/** Whether a process with this key is deployed. */
	public boolean isDeployed(String processKey) {
		return this.repository.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0;
	}

	/**
	 * The applicant brought the requested supplement: the dossier goes back to review.
	 * @throws ProblemException 409 when the dossier is not waiting for a supplement
	 */
	@Transactional
	public void supplementReceived(String dossierCode) {
		correlate(DossierLifecycle.MESSAGE_SUPPLEMENT_RECEIVED, dossierCode,
				"Dossier " + dossierCode + " is not waiting for a supplement");
	}

	/**
	 * The applicant withdrew the dossier.
	 * @throws ProblemException 409 when the dossier can no longer be withdrawn (signed or
	 * ended)
	 */
	@Transactional
	public void withdraw(String dossierCode) {
		correlate(DossierLifecycle.MESSAGE_WITHDRAWAL_REQUESTED, dossierCode,
				"Dossier " + dossierCode + " can no longer be withdrawn: it is signed or finished");
	}

	/**
	 * Sends a dossier whose result did not verify back to signing, so that the approver
	 * signs again: by the model's own way when it waits after an invalid result, or, when
	 * the seal or verification job failed for good (an incident), by moving it from that
	 * job back to the sign step.
	 * @throws ProblemException 409 when the dossier is in neither state
	 */
	@Transactional
	public void returnToSigning(String dossierCode) {
		String instance = processInstanceOf(dossierCode);
		if (instance != null && awaitsSigningAgain(instance)) {
			correlate(DossierLifecycle.MESSAGE_SIGNING_AGAIN_REQUESTED, dossierCode, "");
			log.info("Dossier {} sent back to signing after its result did not verify", dossierCode);
			return;
		}
		if (instance != null && sealFailedForGood(instance)) {
			refusingConcurrentChanges(() -> {
				this.runtime.createProcessInstanceModification(instance)
					.cancelAllForActivity(DossierLifecycle.TASK_APPLY_SEAL)
					.startBeforeActivity(DossierLifecycle.TASK_SIGN_RESULT)
					.execute();
				return null;
			});
			log.info("Dossier {} sent back to signing from its failed seal and verification job", dossierCode);
			return;
		}
		throw ProblemException
			.conflict("Hồ sơ " + dossierCode + " không chờ ký lại: kết quả chưa bị xác minh thất bại / Dossier "
					+ dossierCode + " is not waiting to be signed again: its result has not failed verification");
	}

	/**
	 * Whether the dossier may go back to signing: it waits after a result that did not
	 * verify, or its seal and verification job failed for good.
	 */
	@Transactional(readOnly = true)
	public boolean mayReturnToSigning(String dossierCode) {
		String instance = processInstanceOf(dossierCode);
		return instance != null && (awaitsSigningAgain(instance) || sealFailedForGood(instance));
	}

	private boolean awaitsSigningAgain(String instance) {
		return this.runtime.createExecutionQuery()
			.processInstanceId(instance)
			.activityId(DossierLifecycle.TASK_AWAIT_SIGNING_AGAIN)
			.count() > 0;
	}

	private boolean sealFailedForGood(String instance) {
		return this.management.createJobQuery()
			.processInstanceId(instance)
			.activityId(DossierLifecycle.TASK_APPLY_SEAL)
			.noRetriesLeft()
			.count() > 0;
	}

	private void correlate(String message, String dossierCode, String refusal) {
		try {
			refusingConcurrentChanges(() -> this.runtime.createMessageCorrelation(message)
				.processInstanceBusinessKey(dossierCode)
				.correlateWithResult());
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw ProblemException.conflict(refusal);
		}
	}

	/**
	 * Runs an engine call, answering a change someone else made to the same process at
	 * the same time as a conflict (409) rather than a failure.
	 */
	static <T> T refusingConcurrentChanges(Supplier<T> call) {
		try {
			return call.get();
		}
		catch (OptimisticLockingException ex) {
			log.warn("Concurrent change to a process refused: {}", ex.getMessage());
			throw ProblemException.conflict("Someone else changed this dossier at the same time; reload and try again");
		}
	}

}
