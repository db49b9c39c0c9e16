package io.motcua.app.workflow;

import java.time.Clock;
import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

import org.slf4j.MDC;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.DossierLogContext;

/**
 * Registers our parse listener with the engine. Collaborators are looked up lazily: the
 * engine is configured before most beans exist.
 */
@Component
class WorkflowEnginePlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<TaskRecordRepository> records;

	private final ApplicationEventPublisher events;

	private final ObjectProvider<StaffDirectory> directory;

	private final Clock clock;

	WorkflowEnginePlugin(ObjectProvider<TaskRecordRepository> records, ApplicationEventPublisher events,
			ObjectProvider<StaffDirectory> directory, Clock clock) {
		this.records = records;
		this.events = events;
		this.directory = directory;
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
		TaskProjectionListener projection = new TaskProjectionListener(this.records, this.events, this.directory,
				this.clock);
		LifecycleParseListener.ExecutionListenerFactory statusListeners = new LifecycleParseListener.ExecutionListenerFactory() {

			@Override
			public ExecutionListener statusListener(String elementId, String elementName, String status) {
				return (execution) -> withLogContext(execution,
						() -> WorkflowEnginePlugin.this.events.publishEvent(
								new DossierStepReached(execution.getProcessBusinessKey(), elementId, elementName,
										status, WorkflowEnginePlugin.this.directory.getObject().currentActor())));
			}

			@Override
			public ExecutionListener alarmListener(String kind) {
				return (execution) -> withLogContext(execution, () -> WorkflowEnginePlugin.this.events
					.publishEvent(new SlaAlarm(execution.getProcessBusinessKey(), kind)));
			}

		};
		configuration.getCustomPostBPMNParseListeners().add(new LifecycleParseListener(statusListeners, projection));
	}

}
