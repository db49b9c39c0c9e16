package io.motcua.app.dossier;

import java.util.EnumSet;
import java.util.Set;

/**
 * Business state of a dossier. {@code VERIFICATION_FAILED}: the signed result did not
 * verify, and the dossier waits to be sent back to signing.
 */
public enum DossierStatus {

	RECEIVED, IN_PROGRESS, AWAITING_SUPPLEMENT, APPROVED, REJECTED, SIGNED, VERIFICATION_FAILED, RESULT_READY, RETURNED,
	WITHDRAWN, RETURNED_UNPROCESSED;

	private static final Set<DossierStatus> FINAL = EnumSet.of(RETURNED, WITHDRAWN, RETURNED_UNPROCESSED);

	private static final Set<DossierStatus> WITHDRAWABLE = EnumSet.of(RECEIVED, IN_PROGRESS, AWAITING_SUPPLEMENT,
			APPROVED, REJECTED);

	/** Nothing happens to the dossier any more. */
	public boolean isFinal() {
		return FINAL.contains(this);
	}

	/** The applicant may still withdraw: nothing has been signed yet. */
	public boolean isWithdrawable() {
		return WITHDRAWABLE.contains(this);
	}

}
