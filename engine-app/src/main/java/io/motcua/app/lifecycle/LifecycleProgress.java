package io.motcua.app.lifecycle;

import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierStuck;
import io.motcua.app.sla.DeadlineService;
import io.motcua.app.workflow.DossierProgress;
import io.motcua.app.workflow.SlaAlarm;

/**
 * Where the engine's moves become dossier facts, inside the engine's transaction: a
 * status reached moves the dossier (and a ready result is judged against its deadline, a
 * result that did not verify leaves the dossier stuck), a step handed over is noted and
 * given its due date, a step completed its verdict (and
 * {@link io.motcua.app.lifecycle.StepCompleted} follows after commit), an SLA alarm goes
 * to the deadline's owner, a job that failed for good leaves the dossier stuck. Nothing
 * here moves the engine.
 */
@Component
class LifecycleProgress implements DossierProgress {

	private final DossierService dossiers;

	private final DeadlineService deadlines;

	private final ApplicationEventPublisher events;

	LifecycleProgress(DossierService dossiers, DeadlineService deadlines, ApplicationEventPublisher events) {
		this.dossiers = dossiers;
		this.deadlines = deadlines;
		this.events = events;
	}

	@Override
	public void statusReached(StatusReached reached) {
		DossierStatus status = DossierStatus.valueOf(reached.status());
		this.dossiers.moveTo(reached.dossierCode(), status, reached.stepName(), reached.actor(), reached.reason());
		if (status == DossierStatus.RESULT_READY) {
			this.deadlines.classify(reached.dossierCode());
		}
		if (status == DossierStatus.VERIFICATION_FAILED) {
			this.dossiers.reportStuck(reached.dossierCode(), DossierStuck.Cause.VERIFICATION_FAILED, reached.stepName(),
					"Kết quả đã ký không xác minh được, cần ký lại"
							+ " / The signed result does not verify and must be signed again");
		}
	}

	@Override
	public Instant stepOpened(StepOpened opened) {
		this.dossiers.note(opened.dossierCode(), "STEP_ASSIGNED", opened.actor(),
				opened.name() + " → " + opened.candidateGroup());
		return this.deadlines.stepDue(opened.dossierCode(), opened.taskKey(), opened.defaultShare());
	}

	@Override
	public String stepCompleted(DossierProgress.StepCompleted completed) {
		String verdict = this.deadlines.stepVerdict(completed.dueAt(), completed.completedAt());
		// The port's record of the same name is in scope here: the event is named in full
		this.events.publishEvent(new io.motcua.app.lifecycle.StepCompleted(completed.dossierCode(), completed.taskKey(),
				completed.name(), completed.outcome(), verdict, completed.actor(), completed.openedAt(),
				completed.completedAt(), this.dossiers.nextEventNumber(completed.dossierCode())));
		return verdict;
	}

	@Override
	public void alarmRaised(String dossierCode, SlaAlarm alarm) {
		this.deadlines.alarm(dossierCode, alarm);
	}

	@Override
	public void incidentRaised(IncidentRaised raised) {
		this.dossiers.reportStuck(raised.dossierCode(), DossierStuck.Cause.INCIDENT, raised.stepName(), raised.error());
	}

}
