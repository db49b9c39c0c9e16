package io.motcua.app.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.PvmActivity;
import org.camunda.bpm.engine.impl.pvm.ReadOnlyProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.system.ProblemException;

/**
 * The engine's jobs that failed (the seal and verification of a result, a timer): those
 * still being retried, and those whose retries are spent and that wait, as a Camunda
 * incident, for an administrator to run them again. Read from the engine's runtime
 * tables, which hold only what is open: a handful of rows, not the history.
 */
@Service
public class FailedJobs {

	private static final Logger log = LoggerFactory.getLogger(FailedJobs.class);

	/** At most this many are listed: more would be one cause, shown enough times. */
	private static final int LIMIT = 500;

	private final ManagementService management;

	private final RuntimeService runtime;

	private final RepositoryService repository;

	private final JobFailures failures;

	private final Clock clock;

	/** Display names of the model's steps, by process definition and step. */
	private final Map<String, String> stepNames = new ConcurrentHashMap<>();

	FailedJobs(ManagementService management, RuntimeService runtime, RepositoryService repository, JobFailures failures,
			Clock clock) {
		this.management = management;
		this.runtime = runtime;
		this.repository = repository;
		this.failures = failures;
		this.clock = clock;
	}

	/** Every job that failed, incidents first, then the longest failing. */
	@Transactional(readOnly = true)
	public List<FailedJob> all() {
		return views(this.management.createJobQuery().withException().listPage(0, LIMIT));
	}

	/** The jobs of one dossier's process that failed. */
	@Transactional(readOnly = true)
	public List<FailedJob> ofDossier(String dossierCode) {
		ProcessInstance instance = this.runtime.createProcessInstanceQuery()
			.processInstanceBusinessKey(dossierCode)
			.singleResult();
		if (instance == null) {
			return List.of();
		}
		return views(this.management.createJobQuery().processInstanceId(instance.getId()).withException().list());
	}

	/** A job that failed; empty when there is none with this id, or it has not failed. */
	@Transactional(readOnly = true)
	public Optional<FailedJob> find(String id) {
		return views(this.management.createJobQuery().jobId(id).withException().list()).stream().findFirst();
	}

	/** The dossiers with a job whose retries are spent (an incident). */
	@Transactional(readOnly = true)
	public Set<String> stuckDossiers() {
		Set<String> instances = this.management.createJobQuery()
			.noRetriesLeft()
			.listPage(0, LIMIT)
			.stream()
			.map(Job::getProcessInstanceId)
			.filter((id) -> id != null)
			.collect(Collectors.toSet());
		return businessKeys(instances).values().stream().collect(Collectors.toSet());
	}

	/**
	 * Runs a failed job again now: it gets one more attempt (its incident is resolved)
	 * and is due at once. Another failure makes it an incident again.
	 * @throws ProblemException 404 when there is no such failed job (it may have run
	 * meanwhile)
	 */
	@Transactional
	public FailedJob retry(String id) {
		FailedJob job = find(id).orElseThrow(() -> ProblemException.notFound("Không có tác vụ lỗi " + id
				+ "; có thể tác vụ đã chạy xong / No failed job " + id + "; it may have run meanwhile"));
		if (job.retriesLeft() == 0) {
			this.management.setJobRetries(id, 1);
		}
		Job stored = this.management.createJobQuery().jobId(id).singleResult();
		Date now = Date.from(this.clock.instant());
		if (stored != null && stored.getDuedate() != null && stored.getDuedate().after(now)) {
			this.management.setJobDuedate(id, now);
		}
		log.info("Failed job {} of dossier {} at {} run again on request", id, job.dossierCode(), job.stepId());
		return job;
	}

	private List<FailedJob> views(List<Job> jobs) {
		if (jobs.isEmpty()) {
			return List.of();
		}
		Map<String, String> dossiers = businessKeys(
				jobs.stream().map(Job::getProcessInstanceId).filter((id) -> id != null).collect(Collectors.toSet()));
		Set<String> ids = jobs.stream().map(Job::getId).collect(Collectors.toSet());
		Map<String, JobFailures.Counted> counted = this.failures.of(ids);
		Map<String, Incident> incidents = this.runtime.createIncidentQuery()
			.incidentType(Incident.FAILED_JOB_HANDLER_TYPE)
			.list()
			.stream()
			.filter((incident) -> ids.contains(incident.getConfiguration()))
			.collect(Collectors.toMap(Incident::getConfiguration, Function.identity(), (a, b) -> a));
		return jobs.stream().map((job) -> {
			String stepId = (job.getFailedActivityId() != null) ? job.getFailedActivityId() : activityOf(job);
			JobFailures.Counted failures = counted.get(job.getId());
			Incident incident = incidents.get(job.getId());
			Instant since = (failures != null) ? failures.firstFailedAt()
					: (incident != null) ? incident.getIncidentTimestamp().toInstant() : null;
			return new FailedJob(job.getId(), dossiers.get(job.getProcessInstanceId()), job.getProcessInstanceId(),
					stepId, stepName(job, stepId), job.getExceptionMessage(),
					(failures != null) ? failures.attempts() : 0, job.getRetries(),
					(incident != null) ? incident.getId() : null, since,
					(failures != null) ? failures.lastFailedAt() : since);
		})
			.sorted(Comparator.comparing(FailedJob::isIncident)
				.reversed()
				.thenComparing(FailedJob::since, Comparator.nullsLast(Comparator.naturalOrder())))
			.toList();
	}

	private Map<String, String> businessKeys(Set<String> instances) {
		if (instances.isEmpty()) {
			return Map.of();
		}
		return this.runtime.createProcessInstanceQuery()
			.processInstanceIds(new HashSet<>(instances))
			.list()
			.stream()
			.filter((instance) -> instance.getBusinessKey() != null)
			.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
	}

	/** The step a job stands for, or what kind of job it is when it is no step. */
	private static String activityOf(Job job) {
		return (job instanceof JobEntity entity)
				? ((entity.getActivityId() != null) ? entity.getActivityId() : entity.getJobHandlerType()) : null;
	}

	private String stepName(Job job, String stepId) {
		if (stepId == null || job.getProcessDefinitionId() == null) {
			return stepId;
		}
		return this.stepNames.computeIfAbsent(job.getProcessDefinitionId() + "/" + stepId, (key) -> {
			ReadOnlyProcessDefinition definition = ((RepositoryServiceImpl) this.repository)
				.getDeployedProcessDefinition(job.getProcessDefinitionId());
			PvmActivity activity = definition.findActivity(stepId);
			String name = (activity != null) ? LifecycleParseListener.nameOf(activity) : null;
			return (name != null) ? name : stepId;
		});
	}

	/**
	 * A job that failed.
	 *
	 * @param id the job's id
	 * @param dossierCode the dossier whose process it belongs to, null for a job of no
	 * dossier
	 * @param processInstanceId its process instance
	 * @param stepId the model's id of the step that failed (or the kind of job)
	 * @param stepName the step's display name
	 * @param error the last failure's message
	 * @param attempts how many runs failed
	 * @param retriesLeft how many more runs the engine makes by itself; 0 for an incident
	 * @param incidentId the Camunda incident, null while the engine still retries
	 * @param since when it first failed
	 * @param lastFailedAt when it last failed
	 */
	public record FailedJob(String id, String dossierCode, String processInstanceId, String stepId, String stepName,
			String error, int attempts, int retriesLeft, String incidentId, Instant since, Instant lastFailedAt) {

		/** Whether its retries are spent: it waits for an administrator. */
		public boolean isIncident() {
			return this.retriesLeft == 0;
		}

	}

}
