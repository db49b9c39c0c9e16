package io.motcua.app.audit;

/** What an entry of the audit trail records. */
public enum AuditKind {

	/** An entry of a dossier's timeline (status changes, steps, documents read). */
	TIMELINE,

	/** A signature or seal applied to a dossier's result. */
	SIGNATURE,

	/** A member of staff added, changed or disabled, or given a new password. */
	STAFF_CHANGE,

	/** A login that failed. */
	SIGN_IN_FAILED,

	/** An account or a client address locked after too many failed logins. */
	SIGN_IN_LOCKED

}
