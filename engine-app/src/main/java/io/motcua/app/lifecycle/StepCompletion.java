package io.motcua.app.lifecycle;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.dossier.DossierService;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.signature.ResultSigning;
import io.motcua.app.signature.ResultSigning.SignedResult;
import io.motcua.app.signature.TwoStepSigning;
import io.motcua.app.sla.DeadlineService;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.DossierTasks.Reassignment;
import io.motcua.app.workflow.StepDecision;
import io.motcua.app.workflow.StepKind;
import io.motcua.app.workflow.TaskView;

/**
 * A member of staff completes a step of a dossier, or hands it to someone else. One path,
 * one transaction: check the step → record the decision in the timeline → sign, at the
 * sign step → complete it in the process (which moves the dossier on) → bring the
 * deadline in line with where the dossier now stands.
 */
@Service
public class StepCompletion {

	private final DossierTasks steps;

	private final DossierService dossiers;

	private final ResultSigning signing;

	private final TwoStepSigning twoStep;

	private final DeadlineService deadlines;

	private final StaffDirectory directory;

	StepCompletion(DossierTasks steps, DossierService dossiers, ResultSigning signing, TwoStepSigning twoStep,
			DeadlineService deadlines, StaffDirectory directory) {
		this.steps = steps;
		this.dossiers = dossiers;
		this.signing = signing;
		this.twoStep = twoStep;
		this.deadlines = deadlines;
		this.directory = directory;
	}

	/**
	 * Completes a step with one of its outcomes. At the sign step the approver signs with
	 * the server-held key unless the result is signed already (two-step signing).
	 * @throws ProblemException 404 for a step the caller may not see, 403 for a role that
	 * may not act on it, 409 when someone else holds it or it is done, 422 for an outcome
	 * it does not offer or form data that breaks its form's rules
	 */
	@Transactional
	public void complete(String taskId, StepDecision decision) {
		Caller caller = this.directory.currentCaller();
		TaskView step = this.steps.actionable(taskId, decision.outcome());
		this.dossiers.note(step.dossierCode(), "STEP_COMPLETED", caller.username(), describe(step, decision));
		if (step.kind() == StepKind.SIGNING && !this.signing.isSigned(step.dossierCode())) {
			this.signing.signAsApprover(step.dossierCode(), caller);
		}
		this.steps.complete(taskId, decision);
		this.deadlines.follow(step.dossierCode(), caller.username());
	}

	/**
	 * The approver signs the result with the server-held key at the sign step, which is
	 * then complete.
	 * @throws ProblemException 409 when the step is not an open sign step or the result
	 * is signed already; 403 for a caller who is not an approver
	 */
	@Transactional
	public SignedResult signWithServerKey(String taskId, String comment) {
		TaskView step = this.signing.signingStep(taskId);
		this.signing.signAsApprover(step.dossierCode(), this.directory.currentCaller());
		complete(taskId, StepDecision.of(step.primaryOutcome(), comment));
		return this.signing.signedResult(step.dossierCode());
	}

	/**
	 * Completes a two-step signature with the token's value, then the sign step.
	 * @throws ProblemException as {@link TwoStepSigning#completeSession} and
	 * {@link #complete} do
	 */
	@Transactional
	public SignedResult completeTwoStepSignature(String sessionId, String signatureValue, String comment) {
		TaskView step = this.steps.find(this.twoStep.completeSession(sessionId, signatureValue));
		complete(step.id(), StepDecision.of(step.primaryOutcome(), comment));
		return this.signing.signedResult(step.dossierCode());
	}

	/**
	 * A supervisor hands an open step to another member of its unit; the timeline says
	 * so.
	 * @throws ProblemException as {@link DossierTasks#reassign} does
	 */
	@Transactional
	public TaskView reassign(String taskId, String username) {
		Reassignment reassignment = this.steps.reassign(taskId, username);
		TaskView step = reassignment.step();
		this.dossiers.note(step.dossierCode(), "STEP_REASSIGNED", this.directory.currentActor(),
				step.name() + ": " + ((reassignment.previousAssignee() != null) ? reassignment.previousAssignee() : "—")
						+ " → " + username);
		return this.steps.find(taskId);
	}

	/** The steps of a dossier the caller may see, open and done, oldest first. */
	@Transactional(readOnly = true)
	public List<TaskView> steps(String dossierCode) {
		this.dossiers.find(dossierCode);
		return this.steps.stepsOf(dossierCode);
	}

	private static String describe(TaskView step, StepDecision decision) {
		String comment = decision.comment();
		return step.name() + ": " + decision.outcome()
				+ ((comment != null && !comment.isBlank()) ? " — " + comment : "");
	}

}
