package io.motcua.processes;

/**
 * Names in {@code bpmn/dossier-lifecycle.bpmn} that the application and the process tests
 * share: the process key, element ids, messages, variables and the extension properties
 * through which the model tells the application which dossier status an element stands
 * for and which outcomes a user task offers. Renaming an element in the model means
 * renaming it here.
 */
public final class DossierLifecycle {

	/** Key of the default lifecycle process. */
	public static final String PROCESS_KEY = "dossier-lifecycle";

	/**
	 * The processing part: review, supplements and approval; SLA timers and withdrawal
	 * attach here.
	 */
	public static final String SUB_PROCESS_PROCESSING = "SubProcess_Processing";

	/** A specialist reviews the dossier. */
	public static final String TASK_REVIEW_DOSSIER = "Task_ReviewDossier";

	/** The dossier waits for the applicant's supplement. */
	public static final String TASK_AWAIT_SUPPLEMENT = "Task_AwaitSupplement";

	/** The approver decides on the specialist's proposal. */
	public static final String TASK_APPROVE_DOSSIER = "Task_ApproveDossier";

	/** The approver signs the result or the refusal. */
	public static final String TASK_SIGN_RESULT = "Task_SignResult";

	/** A clerk of the receiving unit hands the result back. */
	public static final String TASK_RETURN_RESULT = "Task_ReturnResult";

	/** The applicant's supplement deadline passed. */
	public static final String TIMER_SUPPLEMENT_DEADLINE = "Timer_SupplementDeadline";

	/** The SLA warning before the due date (non-interrupting). */
	public static final String TIMER_SLA_WARNING = "Timer_SlaWarning";

	/** The SLA due date passed (non-interrupting). */
	public static final String TIMER_SLA_OVERDUE = "Timer_SlaOverdue";

	/** The applicant withdrew the dossier (interrupting). */
	public static final String EVENT_WITHDRAWAL_REQUESTED = "Event_WithdrawalRequested";

	/** The processing ended because the supplement deadline passed. */
	public static final String EVENT_SUPPLEMENT_EXPIRED = "Event_SupplementExpired";

	/** The approver approved a proposal of approval. */
	public static final String EVENT_APPROVED = "Event_Approved";

	/** The approver approved a proposal of rejection. */
	public static final String EVENT_REJECTED = "Event_Rejected";

	/** The result is signed. */
	public static final String EVENT_RESULT_SIGNED = "Event_ResultSigned";

	/** End: the result was handed back. */
	public static final String END_RESULT_RETURNED = "EndEvent_ResultReturned";

	/** End: the applicant withdrew. */
	public static final String END_WITHDRAWN = "EndEvent_Withdrawn";

	/** End: returned unprocessed after the supplement deadline. */
	public static final String END_RETURNED_UNPROCESSED = "EndEvent_ReturnedUnprocessed";

	/** End of the SLA warning branch. */
	public static final String END_SLA_WARNING_RAISED = "EndEvent_SlaWarningRaised";

	/** End of the SLA overdue branch. */
	public static final String END_SLA_OVERDUE_RAISED = "EndEvent_SlaOverdueRaised";

	/**
	 * Message: the applicant brought the requested supplement (correlated by business
	 * key).
	 */
	public static final String MESSAGE_SUPPLEMENT_RECEIVED = "SupplementReceived";

	/** Message: the applicant withdrew the dossier (correlated by business key). */
	public static final String MESSAGE_WITHDRAWAL_REQUESTED = "WithdrawalRequested";

	/** Error thrown when the supplement deadline passes. */
	public static final String ERROR_SUPPLEMENT_EXPIRED = "SUPPLEMENT_EXPIRED";

	/** Variable: the dossier code (also the business key). */
	public static final String VAR_DOSSIER_CODE = "dossierCode";

	/** Variable: code of the processing unit; candidate groups are derived from it. */
	public static final String VAR_PROCESSING_UNIT = "processingUnit";

	/** Variable: code of the receiving unit, whose clerks return the result. */
	public static final String VAR_RECEIVING_UNIT = "receivingUnit";

	/** Variable: the outcome of the user task just completed. */
	public static final String VAR_OUTCOME = "outcome";

	/** Variable: APPROVAL or REJECTION, the specialist's proposal. */
	public static final String VAR_PROPOSAL = "proposal";

	/** Variable: ISO-8601 instant until which the applicant may bring the supplement. */
	public static final String VAR_SUPPLEMENT_DEADLINE = "supplementDeadline";

	/** Variable: ISO-8601 instant of the SLA warning, from the deadline ledger. */
	public static final String VAR_SLA_WARNING_AT = "slaWarningAt";

	/** Variable: ISO-8601 due instant, from the deadline ledger. */
	public static final String VAR_SLA_DUE_AT = "slaDueAt";

	/**
	 * Extension property of an element: the dossier status it stands for, applied when it
	 * starts.
	 */
	public static final String PROPERTY_DOSSIER_STATUS = "dossierStatus";

	/** Extension property of a user task: comma-separated outcomes it offers. */
	public static final String PROPERTY_OUTCOMES = "outcomes";

	/** Extension property of an end event: the SLA alarm (WARNING, OVERDUE) it raises. */
	public static final String PROPERTY_SLA_EVENT = "slaEvent";

	/** Review outcome: propose approval. */
	public static final String OUTCOME_PROPOSE_APPROVAL = "PROPOSE_APPROVAL";

	/** Review outcome: propose rejection. */
	public static final String OUTCOME_PROPOSE_REJECTION = "PROPOSE_REJECTION";

	/** Review outcome: ask the applicant for missing documents. */
	public static final String OUTCOME_REQUEST_SUPPLEMENT = "REQUEST_SUPPLEMENT";

	/** Approval outcome: approve the proposal. */
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
