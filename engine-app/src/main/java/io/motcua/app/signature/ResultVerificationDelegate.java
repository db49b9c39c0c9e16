package io.motcua.app.signature;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${resultVerification}}: the lifecycle's verification task.
 */
@Component("resultVerification")
class ResultVerificationDelegate implements JavaDelegate {

	private final ResultSigning signing;

	ResultVerificationDelegate(ResultSigning signing) {
		this.signing = signing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.signing.verifyResult(execution.getProcessBusinessKey());
	}

}
