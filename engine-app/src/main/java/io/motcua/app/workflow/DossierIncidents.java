package io.motcua.app.workflow;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Incident;

import org.springframework.beans.factory.ObjectProvider;

/**
 * The engine's incidents for failed jobs, as Camunda makes them, reported to the
 * {@link DossierProgress} in the same command: a job that failed for good leaves its
 * dossier stuck, and the dossier's timeline and its supervisors are told.
 */
class DossierIncidents extends DefaultIncidentHandler {

	private final ObjectProvider<DossierProgress> progress;

	DossierIncidents(ObjectProvider<DossierProgress> progress) {
		super(Incident.FAILED_JOB_HANDLER_TYPE);
		this.progress = progress;
	}

	@Override
	public Incident handleIncident(IncidentContext context, String message) {
		Incident incident = super.handleIncident(context, message);
		ExecutionEntity execution = (context.getExecutionId() != null)
				? Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId()) : null;
		// Jobs of no dossier (the history cleanup) are listed, not reported
		if (execution != null && execution.getProcessBusinessKey() != null) {
			String stepId = (context.getFailedActivityId() != null) ? context.getFailedActivityId()
					: context.getActivityId();
			ActivityImpl activity = (stepId != null) ? execution.getProcessDefinition().findActivity(stepId) : null;
			String name = (activity != null) ? LifecycleParseListener.nameOf(activity) : null;
			String stepName = (name != null) ? name : stepId;
			WorkflowEnginePlugin.withLogContext(execution,
					() -> this.progress.getObject()
						.incidentRaised(new DossierProgress.IncidentRaised(execution.getProcessBusinessKey(), stepId,
								stepName, message)));
		}
		return incident;
	}

}
