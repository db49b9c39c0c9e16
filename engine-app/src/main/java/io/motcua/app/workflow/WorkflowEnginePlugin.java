package io.motcua.app.workflow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.DossierLogContext;
import io.motcua.processes.DossierLifecycle;

/**
 * Registers our parse listener with the engine: every element that stands for a dossier
 * status, every SLA alarm and every user task reports to the {@link DossierProgress}; so
 * does a job that fails for good ({@link DossierIncidents}), and every failure of a job
 * is counted ({@link JobFailures}). Collaborators are looked up lazily: the engine is
 * configured before most beans exist.
 */
@Component
class WorkflowEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskRecordRepository> records;

	private final ObjectProvider<DossierProgress> progress;

	private final ObjectProvider<StaffDirectory> directory;

	private final ObjectProvider<JobFailures> failures;

	private final Clock clock;

	WorkflowEnginePlugin(ObjectProvider<TaskRecordRepository> records, ObjectProvider<DossierProgress> progress,
			ObjectProvider<StaffDirectory> directory, ObjectProvider<JobFailures> failures, Clock clock) {
		this.records = records;
		this.progress = progress;
		this.directory = directory;
		this.failures = failures;
		this.clock = clock;
	}

	/** Runs a listener with the dossier and process instance in the logging context. */
	static void withLogContext(DelegateExecution execution, Runnable action) {
		try (MDC.MDCCloseable dossier = MDC.putCloseable(DossierLogContext.DOSSIER, execution.getProcessBusinessKey());
				MDC.MDCCloseable instance = MDC.putCloseable(DossierLogContext.PROCESS_INSTANCE,
						execution.getProcessInstanceId())) {
			action.run();
		}
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskProjectionListener projection = new TaskProjectionListener(this.records, this.progress, this.directory,
				this.clock);
		LifecycleParseListener.ExecutionListenerFactory statusListeners = new LifecycleParseListener.ExecutionListenerFactory() {

			@Override
			public ExecutionListener statusListener(String elementId, String elementName, String status) {
				String step = (elementName != null) ? elementName : elementId;
				return (execution) -> withLogContext(execution,
						() -> WorkflowEnginePlugin.this.progress.getObject()
							.statusReached(new DossierProgress.StatusReached(execution.getProcessBusinessKey(), status,
									step, WorkflowEnginePlugin.this.directory.getObject().currentActor(),
									decisionComment(execution))));
			}

			@Override
			public ExecutionListener alarmListener(SlaAlarm alarm) {
				return (execution) -> withLogContext(execution, () -> WorkflowEnginePlugin.this.progress.getObject()
					.alarmRaised(execution.getProcessBusinessKey(), alarm));
			}

		};
		configuration.getCustomPostBPMNParseListeners().add(new LifecycleParseListener(statusListeners, projection));
		List<IncidentHandler> incidents = new ArrayList<>();
		if (configuration.getCustomIncidentHandlers() != null) {
			incidents.addAll(configuration.getCustomIncidentHandlers());
		}
		incidents.add(new DossierIncidents(this.progress));
		configuration.setCustomIncidentHandlers(incidents);
	}

	/** The engine has made its way of recording failed jobs: each is counted first. */
	@Override
	public void postInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setFailedJobCommandFactory(
				JobFailures.counting(configuration.getFailedJobCommandFactory(), this.failures));
	}

	/** The comment of the decision being carried out in this command, if any. */
	private static String decisionComment(DelegateExecution execution) {
		Object comment = execution.getVariable(DossierLifecycle.VAR_DECISION_COMMENT);
		return (comment != null && !comment.toString().isBlank()) ? comment.toString() : null;
	}

}
