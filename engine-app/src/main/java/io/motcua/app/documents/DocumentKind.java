package io.motcua.app.documents;

/**
 * Why a document belongs to a dossier.
 */
public enum DocumentKind {

	/** Brought with the application. */
	APPLICATION,
	/** Brought later, on a supplement request. */
	SUPPLEMENT,
	/** Receipt with appointment date (Form 01). */
	RECEIPT,
	/** Request to supplement the dossier (Form 02). */
	SUPPLEMENT_REQUEST,
	/** Refusal (Form 03). */
	REFUSAL,
	/** Apology letter with a new appointment date. */
	APOLOGY,
	/** Result before signing. */
	RESULT,
	/** Signed result. */
	SIGNED_RESULT;

	/** The kinds the applicant brings, which count towards a dossier's size limit. */
	static final java.util.List<DocumentKind> BROUGHT_BY_APPLICANT = java.util.List.of(APPLICATION, SUPPLEMENT);

	/** Whether the office issued it (as opposed to the applicant bringing it). */
	public boolean isIssued() {
		return this != APPLICATION && this != SUPPLEMENT;
	}

}
