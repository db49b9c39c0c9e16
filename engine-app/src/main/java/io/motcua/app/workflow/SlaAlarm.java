package io.motcua.app.workflow;

/**
 * An SLA timer of a dossier's process fired: the warning before the due date, or the due
 * date itself. Published by the engine's job, in its transaction.
 *
 * @param dossierCode the dossier
 * @param kind {@link #WARNING} or {@link #OVERDUE}
 */
public record SlaAlarm(String dossierCode, String kind) {

	/** The warning timer fired. */
	public static final String WARNING = "WARNING";

	/** The due date passed. */
	public static final String OVERDUE = "OVERDUE";

}
