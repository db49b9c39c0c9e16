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

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.motcua.app.system.ProblemException;
import io.motcua.processes.DossierLifecycle;

/**
 * The port through which the rest of the application drives a dossier's process.
 */
@Service
public class Workflow {

	private static final Logger log = LoggerFactory.getLogger(Workflow.class);

	/**
	 * Timer date of a stopped clock: far beyond any dossier, and the job is suspended
	 * too.
	 */
	static final String STOPPED_CLOCK = "9999-12-31T00:00:00Z";

	private static final Object PENDING_SLA_TIMERS = new Object();

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final ManagementService management;

	private final ProcessEngineConfigurationImpl engine;

	private final HistoryService history;

	Workflow(RuntimeService runtime, RepositoryService repository, ManagementService management, HistoryService history,
			ProcessEngineConfigurationImpl engine) {
		this.history = history;
		this.engine = engine;
		this.runtime = runtime;
		this.repository = repository;
		this.management = management;
	}

	/**
	 * Starts the process of a dossier that has just been stored.
	 * @param processKey the procedure's process key
	 * @param dossierCode the dossier's code, used as business key
	 * @param receivingUnit unit that received the dossier
	 * @param processingUnit unit that processes it
	 * @param warningAt when the SLA warning timer fires, null when the clock is stopped
	 * @param dueAt when the SLA overdue timer fires, null when the clock is stopped
	 * @return the process instance id
	 */
	@Transactional
	public String startDossier(String processKey, String dossierCode, String receivingUnit, String processingUnit,
			Instant warningAt, Instant dueAt) {
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierLifecycle.VAR_DOSSIER_CODE, dossierCode);
		variables.put(DossierLifecycle.VAR_RECEIVING_UNIT, receivingUnit);
		variables.put(DossierLifecycle.VAR_PROCESSING_UNIT, processingUnit);
		variables.put(DossierLifecycle.VAR_SLA_WARNING_AT, timerDate(warningAt));
		variables.put(DossierLifecycle.VAR_SLA_DUE_AT, timerDate(dueAt));
		ProcessInstance instance = this.runtime.createProcessInstanceByKey(processKey)
			.businessKey(dossierCode)
			.setVariables(variables)
			.execute();
		log.info("Started process {} for dossier {} (instance {})", processKey, dossierCode, instance.getId());
		return instance.getId();
	}

	/**
	 * Moves a dossier's SLA timers to new instants, or stops them (null) while its clock
	 * is stopped. Does nothing for a dossier whose process has not started yet or has
	 * ended.
	 */
	@Transactional
	public void scheduleSlaTimers(String dossierCode, Instant warningAt, Instant dueAt) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			applySlaTimers(dossierCode, warningAt, dueAt);
			return;
		}
		// Called from inside an engine command (a listener), a nested command would
		// update the timer
		// jobs behind the outer command's back and fail its flush; apply the latest dates
		// just before
		// the transaction commits instead, still inside it.
		@SuppressWarnings("unchecked")
		Map<String, Instant[]> pending = (Map<String, Instant[]>) TransactionSynchronizationManager
			.getResource(PENDING_SLA_TIMERS);
		if (pending == null) {
			Map<String, Instant[]> created = new LinkedHashMap<>();
			TransactionSynchronizationManager.bindResource(PENDING_SLA_TIMERS, created);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void beforeCommit(boolean readOnly) {
					created.forEach((code, dates) -> applySlaTimers(code, dates[0], dates[1]));
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_SLA_TIMERS);
				}

			});
			pending = created;
		}
		pending.put(dossierCode, new Instant[] { warningAt, dueAt });
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
	public void rescheduleSlaTimers(List<SlaTimers> timers) {
		Map<String, SlaTimers> byInstance = new LinkedHashMap<>();
		timers.stream()
			.filter((timer) -> timer.processInstanceId() != null)
			.forEach((timer) -> byInstance.put(timer.processInstanceId(), timer));
		if (byInstance.isEmpty()) {
			return;
		}
		Set<String> oneByOne = new HashSet<>();
		this.engine.getCommandExecutorTxRequired().execute((Command<Void>) (context) -> {
			List<Job> jobs = this.management.createJobQuery().processInstanceIds(byInstance.keySet()).list();
			Map<String, List<Job>> slaJobs = new HashMap<>();
			for (Job job : jobs) {
				String activity = ((JobEntity) job).getActivityId();
				if (DossierLifecycle.TIMER_SLA_WARNING.equals(activity)
						|| DossierLifecycle.TIMER_SLA_OVERDUE.equals(activity)) {
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
					Instant at = DossierLifecycle.TIMER_SLA_WARNING.equals(((JobEntity) job).getActivityId())
							? timer.warningAt() : timer.dueAt();
					this.management.setJobDuedate(job.getId(), Date.from(at));
				}
			}
			return null;
		});
		for (String id : oneByOne) {
			SlaTimers timer = byInstance.get(id);
			applySlaTimersOf(id, timer.warningAt(), timer.dueAt());
		}
	}

	private void applySlaTimers(String dossierCode, Instant warningAt, Instant dueAt) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(dossierCode)
			.singleResult();
		if (instance == null) {
			return;
		}
		applySlaTimersOf(instance.getId(), warningAt, dueAt);
	}

	private void applySlaTimersOf(String processInstanceId, Instant warningAt, Instant dueAt) {
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

	private void correlate(String message, String dossierCode, String refusal) {
		try {
			this.runtime.createMessageCorrelation(message)
				.processInstanceBusinessKey(dossierCode)
				.correlateWithResult();
		}
		catch (MismatchingMessageCorrelationException ex) {
			throw ProblemException.conflict(refusal);
		}
	}

}
