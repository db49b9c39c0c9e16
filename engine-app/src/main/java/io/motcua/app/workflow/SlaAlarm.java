package io.motcua.app.workflow;

/**
 * An SLA timer of a dossier's process that fired.
 */
public enum SlaAlarm {

	/** The warning before the due date. */
	WARNING,
	/** The due date passed. */
	OVERDUE

}
