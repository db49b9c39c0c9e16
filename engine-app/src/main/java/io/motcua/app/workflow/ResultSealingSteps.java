package io.motcua.app.workflow;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.motcua.processes.DossierLifecycle;

/**
 * The lifecycle's service tasks after the approver signs: {@code ${resultSeal}} applies
 * the unit's seal, {@code ${resultVerification}} verifies the sealed result. Both hand
 * the dossier to {@link ResultSealing}, implemented by another feature and looked up when
 * a job runs, so that workflow starts without it.
 */
@Configuration(proxyBeanMethods = false)
class ResultSealingSteps {

	@Bean("resultSeal")
	JavaDelegate resultSeal(ObjectProvider<ResultSealing> sealing) {
		return (execution) -> WorkflowEnginePlugin.withLogContext(execution,
				() -> sealing.getObject().seal(execution.getProcessBusinessKey()));
	}

	/**
	 * An invalid result is the model's business: it throws the model's error, and the
	 * dossier waits to be sent back to signing.
	 */
	@Bean("resultVerification")
	JavaDelegate resultVerification(ObjectProvider<ResultSealing> sealing) {
		return (execution) -> WorkflowEnginePlugin.withLogContext(execution, () -> {
			if (!sealing.getObject().verify(execution.getProcessBusinessKey())) {
				throw new BpmnError(DossierLifecycle.ERROR_RESULT_INVALID,
						"The signed result of dossier " + execution.getProcessBusinessKey() + " is not valid");
			}
		});
	}

}
