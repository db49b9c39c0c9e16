package io.motcua.app.lifecycle;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.sla.DeadlineService;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.StepKind;
import io.motcua.app.workflow.TaskView;
import io.motcua.app.workflow.Workflow;

/**
 * Supplements: the specialist asks the applicant for missing documents, and the counter
 * records that they arrived. Each is one path in one transaction; the clock stops while
 * the dossier waits and runs again when the supplement is back. The request letter (Form
 * 02) follows after commit.
 */
@Service
public class Supplements {

	private final DossierService dossiers;

	private final DossierTasks steps;

	private final Workflow workflow;

	private final DeadlineService deadlines;

	private final StaffDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Supplements(DossierService dossiers, DossierTasks steps, Workflow workflow, DeadlineService deadlines,
			StaffDirectory directory, ApplicationEventPublisher events, Clock clock) {
		this.dossiers = dossiers;
		this.steps = steps;
		this.workflow = workflow;
		this.deadlines = deadlines;
		this.directory = directory;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Check the dossier is under review → record the request in the timeline → complete
	 * the review with it → stop the clock.
	 * @param deadline when the applicant must bring it, null for the configured default
	 * @throws ProblemException 404 when not visible, 409 when the dossier is not under
	 * review, 422 for a deadline in the past
	 */
	@Transactional
	public DossierView request(String code, String reason, Instant deadline) {
		DossierView dossier = this.dossiers.find(code);
		TaskView review = this.steps.openStep(code, StepKind.REVIEW)
			.orElseThrow(() -> ProblemException
				.conflict("Dossier " + code + " is " + dossier.status() + ", not under review"));
		String actor = this.directory.currentActor();
		this.dossiers.note(code, "STEP_COMPLETED", actor, review.name() + ": supplement requested — " + reason);
		this.steps.requestSupplement(review.id(), reason, deadline);
		this.deadlines.follow(code, actor);
		return this.dossiers.find(code);
	}

	/**
	 * Check the dossier awaits a supplement → record its arrival in the timeline (and
	 * {@link SupplementReceived} after commit) → the process goes back to review → the
	 * clock runs again.
	 * @throws ProblemException 404 when not visible, 409 when no supplement is awaited
	 */
	@Transactional
	public DossierView receive(String code, String note) {
		DossierView dossier = this.dossiers.find(code);
		if (dossier.status() != DossierStatus.AWAITING_SUPPLEMENT) {
			throw ProblemException
				.conflict("Dossier " + code + " is " + dossier.status() + ", not awaiting a supplement");
		}
		String actor = this.directory.currentActor();
		this.dossiers.note(code, "SUPPLEMENT_RECEIVED", actor, note);
		this.events.publishEvent(
				new SupplementReceived(code, actor, this.clock.instant(), this.dossiers.nextEventNumber(code)));
		this.workflow.supplementReceived(code);
		this.deadlines.follow(code, actor);
		return this.dossiers.find(code);
	}

}
