package io.motcua.app.operations;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.dossier.DossierService;
import io.motcua.app.operations.Reactions.PendingReaction;
import io.motcua.app.operations.StuckDossiers.StuckDossier;
import io.motcua.app.outbound.DeliveryView;
import io.motcua.app.outbound.Webhooks;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.FailedJobs;
import io.motcua.app.workflow.FailedJobs.FailedJob;

/**
 * What went wrong and waits for an administrator, in one place: the engine's jobs that
 * failed (Camunda incidents, and jobs still being retried), the reactions after commit
 * that have not run, the outbound deliveries given up, and the dossiers stuck because of
 * them. Each is run again through its own feature; running a job again is noted in its
 * dossier's timeline.
 */
@Service
public class Incidents {

	private static final Logger log = LoggerFactory.getLogger(Incidents.class);

	private final FailedJobs failedJobs;

	private final Reactions reactions;

	private final Webhooks webhooks;

	private final StuckDossiers stuck;

	private final DossierService dossiers;

	private final StaffDirectory directory;

	Incidents(FailedJobs failedJobs, Reactions reactions, Webhooks webhooks, StuckDossiers stuck,
			DossierService dossiers, StaffDirectory directory) {
		this.failedJobs = failedJobs;
		this.reactions = reactions;
		this.webhooks = webhooks;
		this.stuck = stuck;
		this.dossiers = dossiers;
		this.directory = directory;
	}

	/** Everything that failed and is not mended yet. */
	@Transactional(readOnly = true)
	public Overview overview() {
		return new Overview(this.failedJobs.all(), this.reactions.pending(), this.webhooks.deadDeliveries(),
				this.stuck.all());
	}

	/**
	 * Runs a failed job again now, and says so in its dossier's timeline: run → the job
	 * gets one more attempt at once (its incident is resolved; another failure raises a
	 * new one).
	 * @throws ProblemException 404 when there is no such failed job (it may have run
	 * meanwhile)
	 */
	@Transactional
	public FailedJob retryJob(String id) {
		FailedJob job = this.failedJobs.retry(id);
		String actor = this.directory.currentActor();
		if (job.dossierCode() != null) {
			this.dossiers.note(job.dossierCode(), "JOB_RETRIED", actor, job.stepName() + " (" + job.attempts()
					+ " failed attempts, last: " + abbreviated(job.error()) + ") run again by " + actor);
		}
		log.info("Failed job {} ({}) of dossier {} run again by {}", id, job.stepName(), job.dossierCode(), actor);
		return job;
	}

	private static String abbreviated(String error) {
		return (error != null && error.length() > 300) ? error.substring(0, 300) + "…" : error;
	}

	/**
	 * Everything that failed and is not mended yet.
	 *
	 * @param jobs the engine's jobs that failed, incidents first
	 * @param reactions reactions after commit that have not run, oldest first
	 * @param deliveries outbound deliveries given up, newest first
	 * @param stuckDossiers dossiers that cannot move on by themselves, longest first
	 */
	public record Overview(List<FailedJob> jobs, List<PendingReaction> reactions, List<DeliveryView> deliveries,
			List<StuckDossier> stuckDossiers) {
	}

}
