package io.motcua.app.signature;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${resultSeal}}: the lifecycle's seal task.
 */
@Component("resultSeal")
class ResultSealDelegate implements JavaDelegate {

	private final ResultSigning signing;

	ResultSealDelegate(ResultSigning signing) {
		this.signing = signing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.signing.applySeal(execution.getProcessBusinessKey());
	}

}
