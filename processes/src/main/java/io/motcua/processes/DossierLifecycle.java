package io.motcua.processes;

/**
 * Names in {@code bpmn/dossier-lifecycle.bpmn} that the application and the process tests
 * share: the process key, element ids, messages, the error, variables and the extension
 * properties through which the model tells the application which dossier status an
 * element stands for and which outcomes a user task offers.
 * <p>
 * The model is the source of truth; these constants exist so that a rename in the model
 * breaks a compile or a test ({@code DossierLifecycleModelTests} checks that every id
 * here exists in the model) instead of a dossier in production. Renaming an element in
 * the model means renaming it here.
 */
public final class DossierLifecycle {

	/**
	 * Key of the default lifecycle process; procedure descriptors name it in
	 * {@code processKey} and the application starts dossiers by it.
	 */
	public static final String PROCESS_KEY = "dossier-lifecycle";

	// Start events

	/**
	 * Start of the lifecycle; the application starts it with the dossier code as business
	 * key once the counter has received the dossier.
	 */
	public static final String START_DOSSIER_RECEIVED = "StartEvent_DossierReceived";

	/** Start of the processing part, inside {@link #SUB_PROCESS_PROCESSING}. */
	public static final String START_PROCESSING = "StartEvent_Processing";

	// Sub-process

	/**
	 * The processing part: review, supplements and approval. Withdrawal and the SLA
	 * timers attach to it, so they apply exactly while the dossier is being processed
	 * (before signing).
	 */
	public static final String SUB_PROCESS_PROCESSING = "SubProcess_Processing";

	// User and receive tasks

	/**
	 * A specialist of the processing unit reviews the dossier; worklists and task
	 * completion address it by this id.
	 */
	public static final String TASK_REVIEW_DOSSIER = "Task_ReviewDossier";

	/**
	 * The dossier waits for the applicant's supplement; the SLA clock is paused while an
	 * execution sits here.
	 */
	public static final String TASK_AWAIT_SUPPLEMENT = "Task_AwaitSupplement";

	/** The approver decides on the specialist's proposal. */
	public static final String TASK_APPROVE_DOSSIER = "Task_ApproveDossier";

	/** The approver signs the result or the refusal; signing plugs in here. */
	public static final String TASK_SIGN_RESULT = "Task_SignResult";

	/**
	 * The unit's seal is applied to the approver-signed result, asynchronously (job
	 * priority 100), followed in the same job by {@link #TASK_VERIFY_RESULT}.
	 */
	public static final String TASK_APPLY_SEAL = "Task_ApplySeal";

	/**
	 * The signed and sealed result is verified; an invalid result throws
	 * {@link #ERROR_RESULT_INVALID}, a verification that cannot run fails the job (an
	 * incident once its retries are spent).
	 */
	public static final String TASK_VERIFY_RESULT = "Task_VerifyResult";

	/**
	 * The result did not verify: the dossier waits (status VERIFICATION_FAILED) until it
	 * is sent back to signing with {@link #MESSAGE_SIGNING_AGAIN_REQUESTED}.
	 */
	public static final String TASK_AWAIT_SIGNING_AGAIN = "Task_AwaitSigningAgain";

	/** A clerk of the receiving unit hands the result back. */
	public static final String TASK_RETURN_RESULT = "Task_ReturnResult";

	// Gateways

	/** Merges the way into review: first time, after a supplement, after a send-back. */
	public static final String GATEWAY_REVIEW_MERGE = "Gateway_ReviewMerge";

	/** Branches on the specialist's {@link #VAR_OUTCOME}. */
	public static final String GATEWAY_REVIEW_OUTCOME = "Gateway_ReviewOutcome";

	/** Branches on the approver's {@link #VAR_OUTCOME} and the {@link #VAR_PROPOSAL}. */
	public static final String GATEWAY_APPROVAL_OUTCOME = "Gateway_ApprovalOutcome";

	/** Merges approval and rejection before the processing part ends. */
	public static final String GATEWAY_DECISION_MERGE = "Gateway_DecisionMerge";

	/**
	 * Branches a dossier sent back to signing on the {@link #VAR_PROPOSAL} it was decided
	 * on, so that it takes back the status of that decision.
	 */
	public static final String GATEWAY_SIGNING_AGAIN = "Gateway_SigningAgain";

	// Timers and events

	/**
	 * The applicant's supplement deadline ({@link #VAR_SUPPLEMENT_DEADLINE}); the
	 * application reads its job to show and move the deadline.
	 */
	public static final String TIMER_SUPPLEMENT_DEADLINE = "Timer_SupplementDeadline";

	/**
	 * The SLA warning before the due date (non-interrupting); the SLA service reschedules
	 * its job.
	 */
	public static final String TIMER_SLA_WARNING = "Timer_SlaWarning";

	/**
	 * The SLA due date passed (non-interrupting); the SLA service reschedules its job.
	 */
	public static final String TIMER_SLA_OVERDUE = "Timer_SlaOverdue";

	/** The applicant withdrew the dossier (interrupting message boundary event). */
	public static final String EVENT_WITHDRAWAL_REQUESTED = "Event_WithdrawalRequested";

	/** Catches {@link #ERROR_SUPPLEMENT_EXPIRED} on the processing part. */
	public static final String EVENT_SUPPLEMENT_EXPIRED = "Event_SupplementExpired";

	/** The approver approved a proposal of approval; the dossier becomes APPROVED. */
	public static final String EVENT_APPROVED = "Event_Approved";

	/** The approver approved a proposal of rejection; the dossier becomes REJECTED. */
	public static final String EVENT_REJECTED = "Event_Rejected";

	/** The result is signed; the dossier becomes SIGNED. */
	public static final String EVENT_RESULT_SIGNED = "Event_ResultSigned";

	/** Catches {@link #ERROR_RESULT_INVALID} on {@link #TASK_VERIFY_RESULT}. */
	public static final String EVENT_RESULT_INVALID = "Event_ResultInvalid";

	/** An approved dossier goes back to signing; it becomes APPROVED again. */
	public static final String EVENT_APPROVAL_TO_SIGN_AGAIN = "Event_ApprovalToSignAgain";

	/** A refused dossier goes back to signing; it becomes REJECTED again. */
	public static final String EVENT_REJECTION_TO_SIGN_AGAIN = "Event_RejectionToSignAgain";

	// End events

	/** End: the result was handed back; the dossier becomes RETURNED. */
	public static final String END_RESULT_RETURNED = "EndEvent_ResultReturned";

	/** End: the applicant withdrew; the dossier becomes WITHDRAWN. */
	public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

	/**
	 * End: returned unprocessed after the supplement deadline; the dossier becomes
	 * RETURNED_UNPROCESSED.
	 */
	public static final String END_RETURNED_UNPROCESSED = "EndEvent_ReturnedUnprocessed";

	/**
	 * Error end event inside the processing part that throws
	 * {@link #ERROR_SUPPLEMENT_EXPIRED} when the supplement deadline passes.
	 */
	public static final String END_SUPPLEMENT_EXPIRED = "EndEvent_SupplementExpired";

	/** Normal end of the processing part, after a decision. */
	public static final String END_PROCESSING_DONE = "EndEvent_ProcessingDone";

	/** End of the SLA warning branch, carrying {@link #PROPERTY_SLA_EVENT} WARNING. */
	public static final String END_SLA_WARNING_RAISED = "EndEvent_SlaWarningRaised";

	/** End of the SLA overdue branch, carrying {@link #PROPERTY_SLA_EVENT} OVERDUE. */
	public static final String END_SLA_OVERDUE_RAISED = "EndEvent_SlaOverdueRaised";

	// Sequence flows that carry a decision

	/** Review proposes approval; sets {@link #VAR_PROPOSAL} to APPROVAL when taken. */
	public static final String FLOW_PROPOSE_APPROVAL = "Flow_ProposeApproval";

	/** Review proposes rejection; sets {@link #VAR_PROPOSAL} to REJECTION when taken. */
	public static final String FLOW_PROPOSE_REJECTION = "Flow_ProposeRejection";

	/** Review asks the applicant for missing documents. */
	public static final String FLOW_REQUEST_SUPPLEMENT = "Flow_RequestSupplement";

	/** The supplement arrived; back to review. */
	public static final String FLOW_SUPPLEMENT_RECEIVED = "Flow_SupplementReceived";

	/** The approver approved a proposal of approval. */
	public static final String FLOW_APPROVE = "Flow_Approve";

	/** The approver approved a proposal of rejection. */
	public static final String FLOW_APPROVE_REJECTION = "Flow_ApproveRejection";

	/** The approver sent the dossier back to review. */
	public static final String FLOW_SEND_BACK = "Flow_SendBack";

	// Messages and errors

	/**
	 * Message: the applicant brought the requested supplement. Correlated by business key
	 * (the dossier code); only matches while the dossier awaits a supplement.
	 */
	public static final String MESSAGE_SUPPLEMENT_RECEIVED = "SupplementReceived";

	/**
	 * Message: the applicant withdrew the dossier. Correlated by business key; only
	 * matches while the processing part is active, so a signed dossier cannot be
	 * withdrawn (correlation fails with {@code MismatchingMessageCorrelationException}).
	 */
	public static final String MESSAGE_WITHDRAWAL_REQUESTED = "WithdrawalRequested";

	/**
	 * Message: send a dossier whose result did not verify back to signing. Correlated by
	 * business key; only matches while the dossier waits at
	 * {@link #TASK_AWAIT_SIGNING_AGAIN}.
	 */
	public static final String MESSAGE_SIGNING_AGAIN_REQUESTED = "SigningAgainRequested";

	/**
	 * Error code the verification delegate throws when the signed result is not valid;
	 * caught on {@link #TASK_VERIFY_RESULT} by {@link #EVENT_RESULT_INVALID}.
	 */
	public static final String ERROR_RESULT_INVALID = "RESULT_INVALID";

	/**
	 * Error code thrown inside the processing part when the supplement deadline passes
	 * and caught on its boundary, so that the whole processing part is left at once.
	 */
	public static final String ERROR_SUPPLEMENT_EXPIRED = "SUPPLEMENT_EXPIRED";

	// Variables

	/** Variable: the dossier code (also the business key), for listeners and logs. */
	public static final String VAR_DOSSIER_CODE = "dossierCode";

	/**
	 * Variable: code of the processing unit; the candidate groups of review, approval and
	 * signing are {@code <processingUnit>:<ROLE>}.
	 */
	public static final String VAR_PROCESSING_UNIT = "processingUnit";

	/**
	 * Variable: code of the receiving unit, whose clerks return the result
	 * ({@code <receivingUnit>:CLERK}).
	 */
	public static final String VAR_RECEIVING_UNIT = "receivingUnit";

	/**
	 * Variable: the outcome of the user task just completed, one of the task's
	 * {@link #PROPERTY_OUTCOMES}; the gateways branch on it.
	 */
	public static final String VAR_OUTCOME = "outcome";

	/**
	 * Variable: {@link #PROPOSAL_APPROVAL} or {@link #PROPOSAL_REJECTION}, set by the
	 * model when review ends, so that the approver's APPROVE knows what it approves.
	 */
	public static final String VAR_PROPOSAL = "proposal";

	/**
	 * Variable: ISO-8601 instant until which the applicant may bring the supplement; set
	 * by the caller together with the REQUEST_SUPPLEMENT outcome.
	 */
	public static final String VAR_SUPPLEMENT_DEADLINE = "supplementDeadline";

	/** Variable: ISO-8601 instant of the SLA warning, from the deadline ledger. */
	public static final String VAR_SLA_WARNING_AT = "slaWarningAt";

	/** Variable: ISO-8601 due instant, from the deadline ledger. */
	public static final String VAR_SLA_DUE_AT = "slaDueAt";

	/** Value of {@link #VAR_PROPOSAL}: the specialist proposed approval. */
	public static final String PROPOSAL_APPROVAL = "APPROVAL";

	/** Value of {@link #VAR_PROPOSAL}: the specialist proposed rejection. */
	public static final String PROPOSAL_REJECTION = "REJECTION";

	// Extension properties

	/**
	 * Extension property of a flow node: the dossier status it stands for. The
	 * application's parse listener applies it when the node starts, so the model alone
	 * decides which step means which status.
	 */
	public static final String PROPERTY_DOSSIER_STATUS = "dossierStatus";

	/**
	 * Extension property of a user task: id of the step's own form (forms module), whose
	 * data the application validates when the step is completed.
	 */
	public static final String PROPERTY_FORM = "form";

	/**
	 * Extension property of a user task: the comma-separated outcomes it offers. The
	 * application shows them as buttons and refuses any other outcome.
	 */
	public static final String PROPERTY_OUTCOMES = "outcomes";

	/** Extension property of an end event: the SLA alarm (WARNING, OVERDUE) it raises. */
	public static final String PROPERTY_SLA_EVENT = "slaEvent";

	/**
	 * Extension property of a user task: its default share of the dossier's processing
	 * time, in percent, from which its own due date is derived. A procedure may split the
	 * time otherwise ({@code stepShares} in its descriptor).
	 */
	public static final String PROPERTY_SLA_SHARE = "slaShare";

	/**
	 * Transient variable: the comment given with the decision that moves the process on
	 * (the reason of a supplement request or a refusal); it lives only for the engine
	 * command of that decision.
	 */
	public static final String VAR_DECISION_COMMENT = "decisionComment";

	// Outcomes

	/** Review outcome: propose approval. */
	public static final String OUTCOME_PROPOSE_APPROVAL = "PROPOSE_APPROVAL";

	/** Review outcome: propose rejection. */
	public static final String OUTCOME_PROPOSE_REJECTION = "PROPOSE_REJECTION";

	/**
	 * Review outcome: ask the applicant for missing documents; needs
	 * {@link #VAR_SUPPLEMENT_DEADLINE}.
	 */
	public static final String OUTCOME_REQUEST_SUPPLEMENT = "REQUEST_SUPPLEMENT";

	/** Approval outcome: approve the proposal (of approval or of rejection). */
	public static final String OUTCOME_APPROVE = "APPROVE";

	/** Approval outcome: send back to review. */
	public static final String OUTCOME_SEND_BACK = "SEND_BACK";

	/** Signing outcome. */
	public static final String OUTCOME_SIGN = "SIGN";

	/** Return outcome. */
	public static final String OUTCOME_RETURN = "RETURN";

	private DossierLifecycle() {
	}

}
