package io.motcua.app.security;

/**
 * Roles of staff at a one-stop office.
 */
public enum Role {

	/** Receives dossiers at the counter and hands results back. */
	CLERK,
	/** Reviews dossiers and proposes a decision. */
	SPECIALIST,
	/** Leader who approves and signs. */
	APPROVER,
	/** Watches deadlines and per-unit status. */
	SUPERVISOR,
	/** Administers catalog, units, users and the system. */
	ADMIN;

	/** The candidate group of this role in a unit, as the process models name it. */
	public String groupIn(String unitCode) {
		return unitCode + ":" + name();
	}

}
