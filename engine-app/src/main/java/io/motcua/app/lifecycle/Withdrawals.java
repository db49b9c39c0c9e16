package io.motcua.app.lifecycle;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.Workflow;

/**
 * The applicant withdraws a dossier at the counter, until its result is signed: check →
 * record the request in the timeline → the process ends (the dossier becomes WITHDRAWN).
 */
@Service
public class Withdrawals {

	private final DossierService dossiers;

	private final Workflow workflow;

	Withdrawals(DossierService dossiers, Workflow workflow) {
		this.dossiers = dossiers;
		this.workflow = workflow;
	}

	/**
	 * @throws ProblemException 404 when not visible, 409 when already signed or finished
	 */
	@Transactional
	public DossierView withdraw(String code, String reason) {
		DossierView dossier = this.dossiers.find(code);
		if (!dossier.status().isWithdrawable()) {
			throw ProblemException
				.conflict("Dossier " + code + " is " + dossier.status() + " and can no longer be withdrawn");
		}
		this.dossiers.note(code, "WITHDRAWAL_REQUESTED", reason);
		this.workflow.withdraw(code);
		return this.dossiers.find(code);
	}

}
