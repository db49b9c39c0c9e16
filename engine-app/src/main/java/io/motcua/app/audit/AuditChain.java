package io.motcua.app.audit;

/**
 * A chain of the audit trail, by name. Each dossier has its own (its timeline and the
 * signatures on its result), written under the dossier row's lock that its commands
 * already take, so commands on different dossiers never wait for each other; the security
 * facts have one chain each, whose writers take the chain's own row as their lock for the
 * short transactions they run in.
 *
 * @param name the chain's name: {@code dossier/<code>}, {@code staff} or {@code sign-in}
 */
public record AuditChain(String name) {

	/** Staff added, changed, disabled, given a new password. */
	public static final AuditChain STAFF = new AuditChain("staff");

	/** Failed logins. */
	public static final AuditChain SIGN_IN = new AuditChain("sign-in");

	private static final String DOSSIER_PREFIX = "dossier/";

	public AuditChain {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw new IllegalArgumentException("An audit chain needs a name of at most 100 characters: " + name);
		}
	}

	/** The chain of one dossier. */
	public static AuditChain dossier(String code) {
		return new AuditChain(DOSSIER_PREFIX + code);
	}

	/**
	 * Whether the caller serialises the chain's writers (a dossier's row lock) rather
	 * than the chain's own row.
	 */
	boolean lockedByItsOwner() {
		return this.name.startsWith(DOSSIER_PREFIX);
	}

	@Override
	public String toString() {
		return this.name;
	}

}
