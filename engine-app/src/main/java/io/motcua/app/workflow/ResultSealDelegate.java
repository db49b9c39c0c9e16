package io.motcua.app.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ${resultSeal}}: the lifecycle's seal task.
 */
@Component("resultSeal")
class ResultSealDelegate implements JavaDelegate {

	/**
	 * Implemented by another feature and looked up when a job runs: workflow starts
	 * without it.
	 */
	private final ObjectProvider<ResultSealing> sealing;

	ResultSealDelegate(ObjectProvider<ResultSealing> sealing) {
		this.sealing = sealing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WorkflowEnginePlugin.withLogContext(execution,
				() -> this.sealing.getObject().seal(execution.getProcessBusinessKey()));
	}

}
