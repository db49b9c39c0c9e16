package io.motcua.app.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierViews.DossierFacts;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.DossierTasks.OpenStep;
import io.motcua.app.workflow.SlaAlarm;
import io.motcua.app.workflow.SlaTimers;
import io.motcua.app.workflow.Workflow;

/**
 * The owner of every deadline fact: a dossier's ledger and what is derived from it. The
 * dossier's due and warning dates and its process's SLA timers are projections this
 * service writes in the same transaction as the ledger entry they follow; the due dates
 * and verdicts of steps are answered to the engine's task listener.
 */
@Service
public class DeadlineService {

	private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

	private final Ledgers ledgers;

	private final ProcedureCatalog catalog;

	private final DossierService dossiers;

	private final Workflow workflow;

	private final StaffDirectory directory;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final DossierTasks tasks;

	private final SlaProperties properties;

	DeadlineService(Ledgers ledgers, ProcedureCatalog catalog, DossierService dossiers, Workflow workflow,
			DossierTasks tasks, StaffDirectory directory, ApplicationEventPublisher events, SlaProperties properties,
			Clock clock) {
		this.properties = properties;
		this.tasks = tasks;
		this.directory = directory;
		this.ledgers = ledgers;
		this.catalog = catalog;
		this.dossiers = dossiers;
		this.workflow = workflow;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Opens the deadline of a dossier just registered: the procedure's processing time
	 * from its receipt, under the working calendar.
	 * @return where its SLA timers must fire, for the process about to start
	 */
	@Transactional
	public SlaTimers open(String code, String procedureCode, Instant receivedAt, String actor) {
		Procedure procedure = procedure(procedureCode);
		WorkingCalendar calendar = this.ledgers.calendar();
		LocalTime cutOff = cutOff(procedure, this.properties);
		// Same-working-day procedures: due at the close of the day the count starts on
		// (the next working day's when received after the cut-off)
		Duration budget = procedure.sameWorkingDay() ? calendar.restOfDay(calendar.countingStart(receivedAt, cutOff))
				: calendar.days(procedure.processingDays(), receivedAt);
		Deadline deadline = this.ledgers.append(code, List.of(),
				new LedgerEntry(LedgerEntry.Type.RECEIVED, receivedAt, budget, cutOff, null, null, actor),
				procedure.supplementResumeMode().name(), calendar);
		Instant warning = this.ledgers.warningAt(deadline, calendar);
		this.dossiers.scheduleDeadline(code, deadline.dueAt(), warning);
		return SlaTimers.of(warning, deadline.dueAt());
	}

	/**
	 * Brings the clock in line with where the dossier now stands, after its process
	 * moved: stopped while it awaits a supplement, running again (the rest of the time,
	 * or all of it, as the procedure says) once the supplement is back.
	 */
	@Transactional
	public void follow(String code, String actor) {
		DossierFacts facts = this.dossiers.facts(code);
		boolean awaiting = facts.status() == DossierStatus.AWAITING_SUPPLEMENT;
		// The dossier's due date is this ledger's projection, empty exactly while the
		// clock is stopped: most steps change nothing, and need not read the ledger
		if (facts.completed() || awaiting == (facts.dueAt() == null)) {
			return;
		}
		List<DeadlineEntry> stored = this.ledgers.stored(code);
		if (stored.isEmpty()) {
			return;
		}
		WorkingCalendar calendar = this.ledgers.calendar();
		Instant now = this.clock.instant();
		boolean paused = Ledgers.replay(stored, calendar, now).paused();
		LedgerEntry entry;
		if (awaiting && !paused) {
			entry = new LedgerEntry(LedgerEntry.Type.PAUSED, now, null, null, null, "supplement requested", actor);
		}
		else if (!awaiting && paused) {
			entry = new LedgerEntry(
					Ledgers.restartsAfterSupplement(stored) ? LedgerEntry.Type.RESTARTED : LedgerEntry.Type.RESUMED,
					now, null, null, null, "supplement received", actor);
		}
		else {
			return;
		}
		Deadline deadline = this.ledgers.append(code, stored, entry, null, calendar);
		project(facts, deadline, calendar);
		// A resume moves the open steps with the dossier; an extension does not (the
		// steps keep their shares of the legal time)
		this.tasks.redate(
				stepDues(deadline, procedure(facts.procedureCode()), this.tasks.openSteps(List.of(code)), calendar));
	}

	/**
	 * Extends a dossier's appointment; the apology letter (Form 04) follows after commit.
	 * The dossier still counts as late.
	 * @throws ProblemException 404 when not visible; 409 when completed, paused or
	 * already extended to this appointment; 422 when the appointment is outside working
	 * time (naming the nearest valid times) or not after the current due date
	 */
	@Transactional
	public DeadlineView extend(String code, Instant appointment, String reason) {
		DossierFacts facts = this.dossiers.facts(this.dossiers.find(code).code());
		if (facts.completed()) {
			throw ProblemException
				.conflict("Dossier " + code + " is " + facts.status() + "; only an open dossier can be extended");
		}
		WorkingCalendar calendar = this.ledgers.calendar();
		Instant now = this.clock.instant();
		List<DeadlineEntry> stored = this.ledgers.stored(code);
		Deadline current = Ledgers.replay(stored, calendar, now);
		if (current.paused()) {
			throw ProblemException.conflict("Dossier " + code + " awaits a supplement; its clock is stopped");
		}
		boolean again = stored.stream()
			.anyMatch((entry) -> entry.entry().type() == LedgerEntry.Type.EXTENDED
					&& appointment.equals(entry.entry().appointment()));
		if (again) {
			throw ProblemException.conflict("Dossier " + code + " is already extended to " + appointment
					+ "; the apology letter has been issued once");
		}
		// An appointment is a time the office is open (or its closing time): one in the
		// lunch break or on a day off would be silently moved
		Instant after = calendar.nextWorkingInstant(appointment);
		Instant before = calendar.subtract(appointment, Duration.ZERO);
		if (!after.equals(appointment) && !before.equals(appointment)) {
			throw ProblemException.invalid("appointment", "is outside working time; the nearest valid times are "
					+ shown(before, calendar) + " and " + shown(after, calendar));
		}
		if (!appointment.isAfter(current.dueAt())) {
			throw ProblemException.invalid("appointment", "must be after the current due date " + current.dueAt());
		}
		String actor = this.directory.currentActor();
		project(facts,
				this.ledgers.append(code, stored,
						new LedgerEntry(LedgerEntry.Type.EXTENDED, now, null, null, appointment, reason, actor), null,
						calendar),
				calendar);
		this.dossiers.note(code, "EXTENDED", "Apology letter: new appointment " + appointment + " — " + reason);
		this.events.publishEvent(new DossierExtended(code, current.dueAt(), appointment, reason, now, actor,
				this.dossiers.nextEventNumber(code)));
		return view(code);
	}

	/**
	 * Judges a dossier whose result is ready against its legal due date (an extension
	 * makes it late). Runs inside the engine's command.
	 */
	@Transactional
	public void classify(String code) {
		WorkingCalendar calendar = this.ledgers.calendar();
		Instant now = this.clock.instant();
		Deadline deadline = this.ledgers.compute(code, calendar, now);
		if (deadline.legalDueAt() == null) {
			return;
		}
		this.dossiers.recordVerdict(code,
				Verdict.of(now, deadline.legalDueAt(), deadline.extended(), calendar.zone()).name());
	}

	/**
	 * The due date of a step just handed over: its share of the dossier's processing
	 * time, counted from the next working instant. Runs inside the engine's command.
	 * @param taskKey the model's id of the step, by which a procedure may split its time
	 * @param defaultShare the step's share as the model gives it, null for none
	 * @return the due date, null when the dossier has no deadline or the step no share
	 */
	@Transactional(readOnly = true)
	public Instant stepDue(String code, String taskKey, Integer defaultShare) {
		WorkingCalendar calendar = this.ledgers.calendar();
		Instant now = this.clock.instant();
		Deadline deadline = this.ledgers.compute(code, calendar, now);
		if (deadline.lines().isEmpty()) {
			return null;
		}
		Integer share = share(procedure(this.dossiers.facts(code).procedureCode()), taskKey, defaultShare);
		if (share == null) {
			return null;
		}
		return deadline.stepDue(now, share, calendar);
	}

	/** A step's share of the time: the procedure's split, else the model's. */
	static Integer share(Procedure procedure, String taskKey, Integer defaultShare) {
		return procedure.stepShares().isEmpty() ? defaultShare : procedure.stepShares().get(taskKey);
	}

	/**
	 * The due dates of a dossier's open steps under its deadline as it now stands: they
	 * move with the dossier's (calendar change, resume). A step without a share, or any
	 * step while the clock is stopped, keeps its date.
	 */
	static Map<String, Instant> stepDues(Deadline deadline, Procedure procedure, List<OpenStep> steps,
			WorkingCalendar calendar) {
		Map<String, Instant> dues = new HashMap<>();
		if (deadline.paused()) {
			return dues;
		}
		for (OpenStep step : steps) {
			Integer share = share(procedure, step.taskKey(), step.defaultShare());
			if (share != null) {
				Instant due = deadline.stepDue(step.openedAt(), share, calendar);
				if (!due.equals(step.dueAt())) {
					dues.put(step.taskId(), due);
				}
			}
		}
		return dues;
	}

	/**
	 * How a step finished against its due date.
	 * @return the verdict's name, null for a step without a due date
	 */
	public String stepVerdict(Instant dueAt, Instant completedAt) {
		if (dueAt == null) {
			return null;
		}
		return Verdict.of(completedAt, dueAt, false, this.ledgers.calendar().zone()).name();
	}

	/**
	 * An SLA timer fired: a missed deadline marks the dossier and tells the unit's
	 * supervisors after commit ({@link DeadlineMissed}); a warning goes into the
	 * timeline. Runs inside the engine's job.
	 */
	@Transactional
	public void alarm(String code, SlaAlarm alarm) {
		DossierFacts facts = this.dossiers.facts(code);
		if (alarm == SlaAlarm.OVERDUE) {
			this.dossiers.markOverdue(code);
			this.events.publishEvent(new DeadlineMissed(code, facts.processingUnit(), facts.dueAt(),
					this.clock.instant(), this.dossiers.nextEventNumber(code)));
			log.warn("Dossier {} is overdue (due {}); supervisors of {} will be told", code, facts.dueAt(),
					facts.processingUnit());
		}
		else {
			this.dossiers.note(code, "DEADLINE_WARNING", "Due soon: " + facts.dueAt());
		}
	}

	/** The deadline of a dossier the caller may see, with its ledger explained. */
	@Transactional(readOnly = true)
	public DeadlineView view(String code) {
		this.dossiers.find(code);
		WorkingCalendar calendar = this.ledgers.calendar();
		Deadline deadline = this.ledgers.compute(code, calendar, this.clock.instant());
		List<DeadlineView.Entry> lines = deadline.lines()
			.stream()
			.map((line) -> new DeadlineView.Entry(line.entry().type(), line.entry().at(), line.entry().actor(),
					line.entry().reason(), line.entry().appointment(), line.dueAfter(), line.explanation()))
			.toList();
		return new DeadlineView(code, deadline.dueAt(), deadline.legalDueAt(),
				this.ledgers.warningAt(deadline, calendar), deadline.paused(), deadline.remaining().toMinutes(),
				deadline.extended(), lines);
	}

	/** Writes the due date into the dossier row and the process's timers. */
	private void project(DossierFacts facts, Deadline deadline, WorkingCalendar calendar) {
		Instant warning = this.ledgers.warningAt(deadline, calendar);
		this.dossiers.scheduleDeadline(facts.code(), deadline.dueAt(), warning);
		this.workflow.rescheduleTimers(facts.code(),
				new SlaTimers(facts.processInstanceId(), warning, deadline.dueAt()));
	}

	private static String shown(Instant instant, WorkingCalendar calendar) {
		return DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(instant.atZone(calendar.zone()));
	}

	/** The procedure's own cut-off, else the province's. */
	static LocalTime cutOff(Procedure procedure, SlaProperties properties) {
		return (procedure.cutOffTime() != null) ? procedure.cutOffTime() : properties.cutOff();
	}

	private Procedure procedure(String code) {
		return this.catalog.find(code)
			.orElseThrow(() -> new IllegalStateException("Procedure " + code + " is no longer in the catalog"));
	}

}
