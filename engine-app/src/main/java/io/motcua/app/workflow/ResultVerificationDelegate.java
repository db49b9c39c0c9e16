package io.motcua.app.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${resultVerification}}: the lifecycle's verification task.
 */
@Component("resultVerification")
class ResultVerificationDelegate implements JavaDelegate {

	private final ResultSealing sealing;

	ResultVerificationDelegate(ResultSealing sealing) {
		this.sealing = sealing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WorkflowEnginePlugin.withLogContext(execution, () -> this.sealing.verify(execution.getProcessBusinessKey()));
	}

}
