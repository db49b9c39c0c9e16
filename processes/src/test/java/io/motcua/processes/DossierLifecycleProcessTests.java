package io.motcua.processes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.motcua.processes.DossierLifecycle.END_RESULT_RETURNED;
import static io.motcua.processes.DossierLifecycle.ERROR_RESULT_INVALID;
import static io.motcua.processes.DossierLifecycle.EVENT_APPROVAL_TO_SIGN_AGAIN;
import static io.motcua.processes.DossierLifecycle.EVENT_REJECTION_TO_SIGN_AGAIN;
import static io.motcua.processes.DossierLifecycle.EVENT_RESULT_INVALID;
import static io.motcua.processes.DossierLifecycle.MESSAGE_SIGNING_AGAIN_REQUESTED;
import static io.motcua.processes.DossierLifecycle.TASK_AWAIT_SIGNING_AGAIN;
import static io.motcua.processes.DossierLifecycle.TASK_VERIFY_RESULT;
import static io.motcua.processes.DossierLifecycle.END_RETURNED_UNPROCESSED;
import static io.motcua.processes.DossierLifecycle.END_SLA_OVERDUE_RAISED;
import static io.motcua.processes.DossierLifecycle.END_SLA_WARNING_RAISED;
import static io.motcua.processes.DossierLifecycle.END_WITHDRAWN;
import static io.motcua.processes.DossierLifecycle.EVENT_APPROVED;
import static io.motcua.processes.DossierLifecycle.EVENT_REJECTED;
import static io.motcua.processes.DossierLifecycle.EVENT_RESULT_SIGNED;
import static io.motcua.processes.DossierLifecycle.EVENT_SUPPLEMENT_EXPIRED;
import static io.motcua.processes.DossierLifecycle.EVENT_WITHDRAWAL_REQUESTED;
import static io.motcua.processes.DossierLifecycle.MESSAGE_SUPPLEMENT_RECEIVED;
import static io.motcua.processes.DossierLifecycle.MESSAGE_WITHDRAWAL_REQUESTED;
import static io.motcua.processes.DossierLifecycle.OUTCOME_APPROVE;
import static io.motcua.processes.DossierLifecycle.OUTCOME_PROPOSE_APPROVAL;
import static io.motcua.processes.DossierLifecycle.OUTCOME_PROPOSE_REJECTION;
import static io.motcua.processes.DossierLifecycle.OUTCOME_REQUEST_SUPPLEMENT;
import static io.motcua.processes.DossierLifecycle.OUTCOME_RETURN;
import static io.motcua.processes.DossierLifecycle.OUTCOME_SEND_BACK;
import static io.motcua.processes.DossierLifecycle.OUTCOME_SIGN;
import static io.motcua.processes.DossierLifecycle.PROCESS_KEY;
import static io.motcua.processes.DossierLifecycle.PROPOSAL_APPROVAL;
import static io.motcua.processes.DossierLifecycle.PROPOSAL_REJECTION;
import static io.motcua.processes.DossierLifecycle.TASK_APPLY_SEAL;
import static io.motcua.processes.DossierLifecycle.TASK_APPROVE_DOSSIER;
import static io.motcua.processes.DossierLifecycle.TASK_AWAIT_SUPPLEMENT;
import static io.motcua.processes.DossierLifecycle.TASK_RETURN_RESULT;
import static io.motcua.processes.DossierLifecycle.TASK_REVIEW_DOSSIER;
import static io.motcua.processes.DossierLifecycle.TASK_SIGN_RESULT;
import static io.motcua.processes.DossierLifecycle.TIMER_SLA_OVERDUE;
import static io.motcua.processes.DossierLifecycle.TIMER_SLA_WARNING;
import static io.motcua.processes.DossierLifecycle.TIMER_SUPPLEMENT_DEADLINE;
import static io.motcua.processes.DossierLifecycle.VAR_OUTCOME;
import static io.motcua.processes.DossierLifecycle.VAR_PROPOSAL;
import static io.motcua.processes.DossierLifecycle.VAR_SUPPLEMENT_DEADLINE;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

/**
 * Every path of {@code dossier-lifecycle}, on an in-memory engine without the
 * application: every gateway branch, every end event, withdrawal, the supplement deadline
 * and the SLA timers (by moving the engine clock). The class is held at full flow-node
 * and sequence-flow coverage.
 */
@Deployment(resources = "bpmn/dossier-lifecycle.bpmn")
class DossierLifecycleProcessTests {

	@RegisterExtension
	static ProcessEngineCoverageExtension engine = (ProcessEngineCoverageExtension) ProcessEngineCoverageExtension
		.builder()
		.assertClassCoverageAtLeast(1.0)
		.build();

	private static final String PROCESSING_UNIT = "TRANBIEN";

	private static final String RECEIVING_UNIT = "DNAI-TTHCC";

	private static final Instant RECEIVED = Instant.parse("2026-03-02T00:30:00Z");

	private static final Instant WARNING = Instant.parse("2026-03-04T03:00:00Z");

	private static final Instant DUE = Instant.parse("2026-03-04T10:00:00Z");

	/** Dossiers the seal delegate saw, in order. */
	private final List<String> sealed = new ArrayList<>();

	/** Dossiers the verification delegate saw, in order. */
	private final List<String> verified = new ArrayList<>();

	@BeforeEach
	void fixClock(ProcessEngine processEngine) {
		BpmnAwareTests.init(processEngine);
		ClockUtil.setCurrentTime(Date.from(RECEIVED));
		Mocks.register("resultSeal", (JavaDelegate) (execution) -> this.sealed.add(execution.getProcessBusinessKey()));
		Mocks.register("resultVerification",
				(JavaDelegate) (execution) -> this.verified.add(execution.getProcessBusinessKey()));
	}

	@AfterEach
	void resetMocks() {
		Mocks.reset();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void approvedDossierIsSignedAndReturned() {
		ProcessInstance dossier = start();
		assertThat(dossier).isWaitingAt(TASK_REVIEW_DOSSIER);
		assertThat(task(dossier)).hasCandidateGroup(PROCESSING_UNIT + ":SPECIALIST");
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		assertThat(dossier).isWaitingAt(TASK_APPROVE_DOSSIER)
			.variables()
			.containsEntry(VAR_PROPOSAL, PROPOSAL_APPROVAL);
		assertThat(task(dossier)).hasCandidateGroup(PROCESSING_UNIT + ":APPROVER");
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		assertThat(dossier).isWaitingAt(TASK_SIGN_RESULT);
		assertThat(task(dossier)).hasCandidateGroup(PROCESSING_UNIT + ":APPROVER");
		sign(dossier);
		assertThat(dossier).isWaitingAt(TASK_RETURN_RESULT);
		assertThat(task(dossier)).hasCandidateGroup(RECEIVING_UNIT + ":CLERK");
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_RETURN));
		assertThat(dossier)
			.hasPassedInOrder(TASK_REVIEW_DOSSIER, TASK_APPROVE_DOSSIER, EVENT_APPROVED, TASK_SIGN_RESULT,
					EVENT_RESULT_SIGNED, TASK_RETURN_RESULT, END_RESULT_RETURNED)
			.hasNotPassed(EVENT_REJECTED)
			.isEnded();
	}

	@Test
	void workIsOfferedToTheProcessingUnitAndTheResultToTheReceivingUnit() {
		ProcessInstance dossier = start();
		Assertions.assertThat(candidateGroups(dossier)).containsExactly(PROCESSING_UNIT + ":SPECIALIST");
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		Assertions.assertThat(candidateGroups(dossier)).containsExactly(PROCESSING_UNIT + ":APPROVER");
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		Assertions.assertThat(candidateGroups(dossier)).containsExactly(PROCESSING_UNIT + ":APPROVER");
		sign(dossier);
		Assertions.assertThat(candidateGroups(dossier)).containsExactly(RECEIVING_UNIT + ":CLERK");
	}

	@Test
	void failingVerificationStopsTheDossierWithAnIncident() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		Mocks.register("resultVerification", (JavaDelegate) (execution) -> {
			throw new IllegalStateException("Signed result of " + execution.getProcessBusinessKey() + " is INVALID");
		});
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_SIGN));
		for (int attempt = 0; attempt < 3; attempt++) {
			Job seal = jobQuery().processInstanceId(dossier.getId()).activityId(TASK_APPLY_SEAL).singleResult();
			Assertions.assertThatThrownBy(() -> managementService().executeJob(seal.getId()))
				.hasMessageContaining("INVALID");
		}
		assertThat(dossier).isWaitingAt(TASK_APPLY_SEAL).hasNotPassed(EVENT_RESULT_SIGNED);
		Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(dossier.getId()).singleResult())
			.isNotNull()
			.satisfies((incident) -> Assertions.assertThat(incident.getIncidentMessage()).contains("INVALID"));
	}

	@Test
	void anInvalidResultWaitsUntilItIsSentBackToSigningThenTheApproverSignsAgain() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		verificationFindsTheResultInvalid();
		sign(dossier);
		assertThat(dossier).isWaitingAt(TASK_AWAIT_SIGNING_AGAIN)
			.hasPassedInOrder(TASK_APPLY_SEAL, TASK_VERIFY_RESULT, EVENT_RESULT_INVALID)
			.hasNotPassed(EVENT_RESULT_SIGNED);
		Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(dossier.getId()).count())
			.isZero();
		// Nothing but the request moves it: the applicant can no longer withdraw
		assertThatThrownBy(() -> withdraw(dossier)).isInstanceOf(MismatchingMessageCorrelationException.class);

		Mocks.register("resultVerification",
				(JavaDelegate) (execution) -> this.verified.add(execution.getProcessBusinessKey()));
		signAgainRequested(dossier);
		assertThat(dossier).isWaitingAt(TASK_SIGN_RESULT).hasPassed(EVENT_APPROVAL_TO_SIGN_AGAIN);
		assertThat(task(dossier)).hasCandidateGroup(PROCESSING_UNIT + ":APPROVER");
		sign(dossier);
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_RETURN));
		assertThat(dossier)
			.hasPassedInOrder(EVENT_APPROVED, TASK_SIGN_RESULT, TASK_AWAIT_SIGNING_AGAIN, EVENT_APPROVAL_TO_SIGN_AGAIN,
					TASK_SIGN_RESULT, EVENT_RESULT_SIGNED, END_RESULT_RETURNED)
			.hasNotPassed(EVENT_REJECTION_TO_SIGN_AGAIN)
			.isEnded();
	}

	@Test
	void anInvalidRefusalGoesBackToSigningAsARefusal() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_REJECTION));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		verificationFindsTheResultInvalid();
		sign(dossier);
		assertThat(dossier).isWaitingAt(TASK_AWAIT_SIGNING_AGAIN);
		signAgainRequested(dossier);
		assertThat(dossier).isWaitingAt(TASK_SIGN_RESULT)
			.hasPassedInOrder(EVENT_REJECTED, TASK_AWAIT_SIGNING_AGAIN, EVENT_REJECTION_TO_SIGN_AGAIN)
			.hasNotPassed(EVENT_APPROVAL_TO_SIGN_AGAIN);
	}

	@Test
	void aDossierNotWaitingAfterAFailedVerificationCannotBeSentBackToSigning() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		assertThatThrownBy(() -> signAgainRequested(dossier))
			.isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThat(dossier).isWaitingAt(TASK_SIGN_RESULT);
	}

	@Test
	void aSealJobThatFailedForGoodCanBeSentBackToSigning() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		Mocks.register("resultSeal", (JavaDelegate) (execution) -> {
			throw new IllegalStateException("The seal key of TRANBIEN cannot be read");
		});
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_SIGN));
		for (int attempt = 0; attempt < 3; attempt++) {
			Job seal = jobQuery().processInstanceId(dossier.getId()).activityId(TASK_APPLY_SEAL).singleResult();
			Assertions.assertThatThrownBy(() -> managementService().executeJob(seal.getId()))
				.hasMessageContaining("seal key");
		}
		Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(dossier.getId()).count())
			.isOne();
		// What the application does for "back to signing" on a failed seal job
		runtimeService().createProcessInstanceModification(dossier.getId())
			.cancelAllForActivity(TASK_APPLY_SEAL)
			.startBeforeActivity(TASK_SIGN_RESULT)
			.execute();
		assertThat(dossier).isWaitingAt(TASK_SIGN_RESULT);
		Assertions.assertThat(runtimeService().createIncidentQuery().processInstanceId(dossier.getId()).count())
			.isZero();
		Assertions.assertThat(jobQuery().processInstanceId(dossier.getId()).count()).isZero();
		Mocks.register("resultSeal", (JavaDelegate) (execution) -> this.sealed.add(execution.getProcessBusinessKey()));
		sign(dossier);
		assertThat(dossier).isWaitingAt(TASK_RETURN_RESULT);
	}

	@Test
	void approvedRejectionIsSignedAndReturnedAsRefusal() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_REJECTION));
		assertThat(dossier).isWaitingAt(TASK_APPROVE_DOSSIER)
			.variables()
			.containsEntry(VAR_PROPOSAL, PROPOSAL_REJECTION);
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		sign(dossier);
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_RETURN));
		assertThat(dossier).hasPassedInOrder(EVENT_REJECTED, TASK_SIGN_RESULT, END_RESULT_RETURNED)
			.hasNotPassed(EVENT_APPROVED)
			.isEnded();
	}

	@Test
	void dossierSentBackByTheApproverIsReviewedAgainThenApproved() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_SEND_BACK));
		assertThat(dossier).isWaitingAt(TASK_REVIEW_DOSSIER);
		assertThat(task(dossier)).hasCandidateGroup(PROCESSING_UNIT + ":SPECIALIST");
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		assertThat(dossier)
			.hasPassedInOrder(TASK_REVIEW_DOSSIER, TASK_APPROVE_DOSSIER, TASK_REVIEW_DOSSIER, TASK_APPROVE_DOSSIER,
					EVENT_APPROVED)
			.isWaitingAt(TASK_SIGN_RESULT);
	}

	@Test
	void supplementArrivingReturnsDossierToReviewThenItIsApproved() {
		ProcessInstance dossier = start();
		requestSupplement(dossier, "2026-03-31T10:00:00Z");
		assertThat(dossier).isWaitingAt(TASK_AWAIT_SUPPLEMENT);
		runtimeService().createMessageCorrelation(MESSAGE_SUPPLEMENT_RECEIVED)
			.processInstanceBusinessKey(dossier.getBusinessKey())
			.correlate();
		assertThat(dossier).isWaitingAt(TASK_REVIEW_DOSSIER);
		Assertions.assertThat(jobQuery().activityId(TIMER_SUPPLEMENT_DEADLINE).count()).isZero();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		assertThat(dossier)
			.hasPassedInOrder(TASK_REVIEW_DOSSIER, TASK_AWAIT_SUPPLEMENT, TASK_REVIEW_DOSSIER, TASK_APPROVE_DOSSIER,
					EVENT_APPROVED)
			.isWaitingAt(TASK_SIGN_RESULT);
	}

	@Test
	void dossierIsReturnedUnprocessedWhenTheSupplementDeadlinePasses() {
		ProcessInstance dossier = start();
		Instant deadline = Instant.parse("2026-03-31T10:00:00Z");
		requestSupplement(dossier, deadline.toString());
		Job timer = jobQuery().activityId(TIMER_SUPPLEMENT_DEADLINE).singleResult();
		Assertions.assertThat(timer.getDuedate().toInstant()).isEqualTo(deadline);

		ClockUtil.setCurrentTime(Date.from(deadline.plusSeconds(1)));
		execute(timer);
		assertThat(dossier).hasPassedInOrder(TASK_AWAIT_SUPPLEMENT, EVENT_SUPPLEMENT_EXPIRED, END_RETURNED_UNPROCESSED)
			.hasNotPassed(TASK_SIGN_RESULT)
			.isEnded();
	}

	@Test
	void applicantWithdrawsDuringReview() {
		ProcessInstance dossier = start();
		withdraw(dossier);
		assertThat(dossier).hasPassed(EVENT_WITHDRAWAL_REQUESTED, END_WITHDRAWN).isEnded();
	}

	@Test
	void applicantWithdrawsWhileASupplementIsAwaited() {
		ProcessInstance dossier = start();
		requestSupplement(dossier, "2026-03-31T10:00:00Z");
		withdraw(dossier);
		assertThat(dossier).hasPassed(END_WITHDRAWN).isEnded();
		Assertions.assertThat(jobQuery().processInstanceId(dossier.getId()).count()).isZero();
	}

	@Test
	void applicantWithdrawsDuringApproval() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		withdraw(dossier);
		assertThat(dossier).hasPassed(END_WITHDRAWN).hasNotPassed(TASK_SIGN_RESULT).isEnded();
	}

	@Test
	void signedDossierCannotBeWithdrawn() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		assertThat(dossier).isWaitingAt(TASK_SIGN_RESULT);
		assertThatThrownBy(() -> withdraw(dossier)).isInstanceOf(MismatchingMessageCorrelationException.class);
		assertThat(dossier).isWaitingAt(TASK_SIGN_RESULT);
	}

	@Test
	void slaTimersWarnAndMarkOverdueWithoutInterruptingTheWork() {
		ProcessInstance dossier = start();
		Job warning = jobQuery().activityId(TIMER_SLA_WARNING).singleResult();
		Job overdue = jobQuery().activityId(TIMER_SLA_OVERDUE).singleResult();
		Assertions.assertThat(warning.getDuedate().toInstant()).isEqualTo(WARNING);
		Assertions.assertThat(overdue.getDuedate().toInstant()).isEqualTo(DUE);

		ClockUtil.setCurrentTime(Date.from(WARNING.plusSeconds(1)));
		execute(warning);
		assertThat(dossier).hasPassed(END_SLA_WARNING_RAISED).isWaitingAt(TASK_REVIEW_DOSSIER);
		ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(1)));
		execute(overdue);
		assertThat(dossier).hasPassed(END_SLA_OVERDUE_RAISED).isWaitingAt(TASK_REVIEW_DOSSIER);

		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		assertThat(dossier).isWaitingAt(TASK_APPROVE_DOSSIER);
	}

	@Test
	void slaTimersFollowTheDeadlineLedger() {
		ProcessInstance dossier = start();
		// A pause (supplement requested) stops the clock: the application suspends both
		// timers.
		requestSupplement(dossier, "2026-03-31T10:00:00Z");
		Job overdue = jobQuery().activityId(TIMER_SLA_OVERDUE).singleResult();
		managementService().suspendJobById(overdue.getId());
		managementService().suspendJobById(jobQuery().activityId(TIMER_SLA_WARNING).singleResult().getId());
		Assertions.assertThat(jobQuery().activityId(TIMER_SLA_OVERDUE).active().count()).isZero();

		// The supplement arrives; the ledger moves the due date two days later and
		// resumes the timers.
		Instant movedDue = DUE.plusSeconds(2 * 24 * 3600);
		runtimeService().createMessageCorrelation(MESSAGE_SUPPLEMENT_RECEIVED)
			.processInstanceBusinessKey(dossier.getBusinessKey())
			.correlate();
		managementService().setJobDuedate(overdue.getId(), Date.from(movedDue));
		managementService().activateJobById(overdue.getId());
		Job moved = jobQuery().activityId(TIMER_SLA_OVERDUE).singleResult();
		Assertions.assertThat(moved.getDuedate().toInstant()).isEqualTo(movedDue);
		Assertions.assertThat(moved.isSuspended()).isFalse();

		// The old due date passes without an alarm; the new one raises it.
		ClockUtil.setCurrentTime(Date.from(DUE.plusSeconds(60)));
		Assertions.assertThat(jobQuery().activityId(TIMER_SLA_OVERDUE).executable().count()).isZero();
		ClockUtil.setCurrentTime(Date.from(movedDue.plusSeconds(60)));
		Assertions.assertThat(jobQuery().activityId(TIMER_SLA_OVERDUE).executable().count()).isOne();
		execute(moved);
		assertThat(dossier).hasPassed(END_SLA_OVERDUE_RAISED).isWaitingAt(TASK_REVIEW_DOSSIER);
	}

	@Test
	void slaTimersEndWithTheProcessingPart() {
		ProcessInstance dossier = start();
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_PROPOSE_APPROVAL));
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_APPROVE));
		Assertions.assertThat(jobQuery().processInstanceId(dossier.getId()).count()).isZero();
	}

	/**
	 * The approver signs; the seal and the verification run in their own job, as the
	 * application's job executor would run them.
	 */
	private void sign(ProcessInstance dossier) {
		complete(task(dossier), withVariables(VAR_OUTCOME, OUTCOME_SIGN));
		assertThat(dossier).isWaitingAt(TASK_APPLY_SEAL);
		Job seal = jobQuery().processInstanceId(dossier.getId()).activityId(TASK_APPLY_SEAL).singleResult();
		Assertions.assertThat(seal.getPriority()).isEqualTo(100);
		execute(seal);
		Assertions.assertThat(this.sealed).endsWith(dossier.getBusinessKey());
		Assertions.assertThat(this.verified).endsWith(dossier.getBusinessKey());
	}

	/** The next verification finds the signed result invalid. */
	private void verificationFindsTheResultInvalid() {
		Mocks.register("resultVerification", (JavaDelegate) (execution) -> {
			this.verified.add(execution.getProcessBusinessKey());
			throw new BpmnError(ERROR_RESULT_INVALID, "The signed result is INVALID");
		});
	}

	private static void signAgainRequested(ProcessInstance dossier) {
		runtimeService().createMessageCorrelation(MESSAGE_SIGNING_AGAIN_REQUESTED)
			.processInstanceBusinessKey(dossier.getBusinessKey())
			.correlate();
	}

	private static ProcessInstance start() {
		Map<String, Object> variables = new HashMap<>();
		variables.put(DossierLifecycle.VAR_DOSSIER_CODE, "TRANBIEN-20260302-0001");
		variables.put(DossierLifecycle.VAR_PROCESSING_UNIT, PROCESSING_UNIT);
		variables.put(DossierLifecycle.VAR_RECEIVING_UNIT, RECEIVING_UNIT);
		variables.put(DossierLifecycle.VAR_SLA_WARNING_AT, WARNING.toString());
		variables.put(DossierLifecycle.VAR_SLA_DUE_AT, DUE.toString());
		String businessKey = "TRANBIEN-20260302-" + System.nanoTime();
		return runtimeService().startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
	}

	private static List<String> candidateGroups(ProcessInstance dossier) {
		return taskService().getIdentityLinksForTask(task(dossier).getId())
			.stream()
			.filter((link) -> IdentityLinkType.CANDIDATE.equals(link.getType()))
			.map(IdentityLink::getGroupId)
			.toList();
	}

	private static void requestSupplement(ProcessInstance dossier, String deadline) {
		complete(task(dossier),
				withVariables(VAR_OUTCOME, OUTCOME_REQUEST_SUPPLEMENT, VAR_SUPPLEMENT_DEADLINE, deadline));
	}

	private static void withdraw(ProcessInstance dossier) {
		runtimeService().createMessageCorrelation(MESSAGE_WITHDRAWAL_REQUESTED)
			.processInstanceBusinessKey(dossier.getBusinessKey())
			.correlate();
	}

}
