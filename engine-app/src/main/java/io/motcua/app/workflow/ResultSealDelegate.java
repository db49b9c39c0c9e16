package io.motcua.app.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${resultSeal}}: the lifecycle's seal task.
 */
@Component("resultSeal")
class ResultSealDelegate implements JavaDelegate {

	private final ResultSealing sealing;

	ResultSealDelegate(ResultSealing sealing) {
		this.sealing = sealing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		WorkflowEnginePlugin.withLogContext(execution, () -> this.sealing.seal(execution.getProcessBusinessKey()));
	}

}
