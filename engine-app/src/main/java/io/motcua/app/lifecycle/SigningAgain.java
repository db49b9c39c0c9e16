package io.motcua.app.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.signature.ResultSigning;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.FailedJobs;
import io.motcua.app.workflow.FailedJobs.FailedJob;
import io.motcua.app.workflow.Workflow;

/**
 * A dossier whose signed result did not verify (or whose seal and verification job failed
 * for good) goes back to signing, and the approver signs again: check → record the
 * request in the timeline → set the old signatures aside → the process returns to the
 * sign step (the dossier takes back the status of its decision).
 */
@Service
public class SigningAgain {

	private static final Logger log = LoggerFactory.getLogger(SigningAgain.class);

	private final DossierService dossiers;

	private final ResultSigning signing;

	private final FailedJobs failedJobs;

	private final Workflow workflow;

	SigningAgain(DossierService dossiers, ResultSigning signing, FailedJobs failedJobs, Workflow workflow) {
		this.dossiers = dossiers;
		this.signing = signing;
		this.failedJobs = failedJobs;
		this.workflow = workflow;
	}

	/**
	 * Whether a dossier the caller sees may be sent back to signing: its result did not
	 * verify, or its seal and verification job failed for good.
	 */
	@Transactional(readOnly = true)
	public boolean isPossible(String code) {
		this.dossiers.find(code);
		return this.workflow.mayReturnToSigning(code);
	}

	/**
	 * Sends the dossier back to signing.
	 * @param reason why, for the timeline
	 * @throws ProblemException 404 when the caller may not see the dossier, 409 when it
	 * is not waiting after a failed verification, 422 without a reason
	 */
	@Transactional
	public DossierView returnToSigning(String code, String reason) {
		if (reason == null || reason.isBlank()) {
			throw ProblemException.invalid("reason",
					"Cần ghi lý do trả về bước ký / A reason for sending it back to signing is required");
		}
		DossierView dossier = this.dossiers.find(code);
		if (!this.workflow.mayReturnToSigning(code)) {
			throw ProblemException.conflict("Hồ sơ " + code + " (" + dossier.status()
					+ ") không chờ ký lại: kết quả chưa bị xác minh thất bại / Dossier " + code + " ("
					+ dossier.status() + ") is not waiting to be signed again: its result has not failed verification");
		}
		String failedStep = this.failedJobs.ofDossier(code)
			.stream()
			.filter(FailedJob::isIncident)
			.map((job) -> " (" + job.stepName() + ": " + job.error() + ")")
			.findFirst()
			.orElse("");
		this.dossiers.note(code, "RETURNED_TO_SIGNING", reason.strip() + failedStep);
		this.signing.setAsideSignatures(code, reason);
		this.workflow.returnToSigning(code);
		log.info("Dossier {} sent back to signing: {}", code, reason);
		return this.dossiers.find(code);
	}

}
