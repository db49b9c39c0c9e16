package io.motcua.app.workflow;

import io.motcua.processes.DossierLifecycle;

/**
 * What a step of a dossier is for, as screens and other features need to know it without
 * naming the model's elements.
 */
public enum StepKind {

	/** A specialist reviews the dossier. */
	REVIEW,
	/** The approver decides on the specialist's proposal. */
	APPROVAL,
	/** The approver signs the result. */
	SIGNING,
	/** A clerk hands the result back. */
	RETURN,
	/** Any other step a procedure's own process brings. */
	OTHER;

	static StepKind of(String taskKey) {
		return switch (taskKey) {
			case DossierLifecycle.TASK_REVIEW_DOSSIER -> REVIEW;
			case DossierLifecycle.TASK_APPROVE_DOSSIER -> APPROVAL;
			case DossierLifecycle.TASK_SIGN_RESULT -> SIGNING;
			case DossierLifecycle.TASK_RETURN_RESULT -> RETURN;
			default -> OTHER;
		};
	}

}
