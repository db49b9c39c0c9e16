package io.motcua.app.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code ${resultVerification}}: the lifecycle's verification task.
 */
@Component("resultVerification")
class ResultVerificationDelegate implements JavaDelegate {

	/**
	 * Implemented by another feature and looked up when a job runs: workflow starts
	 * without it.
	 */
	private final ObjectProvider<ResultSealing> sealing;

	ResultVerificationDelegate(ObjectProvider<ResultSealing> sealing) {
		this.sealing = sealing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WorkflowEnginePlugin.withLogContext(execution,
				() -> this.sealing.getObject().verify(execution.getProcessBusinessKey()));
	}

}
