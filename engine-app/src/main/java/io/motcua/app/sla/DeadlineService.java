package io.motcua.app.sla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.dossier.DossierReceived;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.DossierFacts;
import io.motcua.app.dossier.DossierViews.OpenDossier;
import io.motcua.app.dossier.DossierViews.ScheduledDeadline;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierStepReached;
import io.motcua.app.workflow.DossierTaskCompleted;
import io.motcua.app.workflow.DossierTaskCreated;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.SlaAlarm;
import io.motcua.app.workflow.SlaTimers;
import io.motcua.app.workflow.Workflow;

/**
 * Keeps every dossier's deadline ledger and everything derived from it: the dossier's due
 * and warning dates, the SLA timers, the due dates of its steps and the verdicts. Every
 * change to the ledger reschedules the timers in the same transaction.
 */
@Service
public class DeadlineService {

	private static final Logger log = LoggerFactory.getLogger(DeadlineService.class);

	/** Default split of the budget over the lifecycle's steps, in percent. */
	private static final Map<String, Integer> DEFAULT_STEP_SHARES = Map.of("Task_ReviewDossier", 60,
			"Task_ApproveDossier", 20, "Task_SignResult", 10, "Task_ReturnResult", 10);

	private final DeadlineEntryRepository entries;

	private final CalendarService calendars;

	private final ProcedureCatalog catalog;

	private final DossierService dossiers;

	private final Workflow workflow;

	private final DossierTasks tasks;

	private final StaffDirectory directory;

	private final ApplicationEventPublisher events;

	private final SlaProperties properties;

	private final Clock clock;

	/** Dossiers re-projected per transaction after a calendar change. */
	private static final int REPROJECTION_BATCH = 500;

	/** Batches re-projected at once. */
	private static final int REPROJECTION_THREADS = 2;

	private final DeadlineEntryInserts inserts;

	private final TransactionTemplate transactions;

	DeadlineService(DeadlineEntryRepository entries, CalendarService calendars, ProcedureCatalog catalog,
			DossierService dossiers, Workflow workflow, DossierTasks tasks, StaffDirectory directory,
			ApplicationEventPublisher events, SlaProperties properties, PlatformTransactionManager transactionManager,
			DeadlineEntryInserts inserts, Clock clock) {
		this.inserts = inserts;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.entries = entries;
		this.calendars = calendars;
		this.catalog = catalog;
		this.dossiers = dossiers;
		this.workflow = workflow;
		this.tasks = tasks;
		this.directory = directory;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** The deadline of a dossier the caller may see, with its ledger explained. */
	@Transactional(readOnly = true)
	public DeadlineView view(String code) {
		this.dossiers.find(code);
		WorkingCalendar calendar = this.calendars.current();
		Deadline deadline = compute(code, calendar);
		List<DeadlineView.Entry> lines = deadline.lines()
			.stream()
			.map((line) -> new DeadlineView.Entry(line.entry().type(), line.entry().at(), line.entry().actor(),
					line.entry().reason(), line.entry().appointment(), line.dueAfter(), line.explanation()))
			.toList();
		return new DeadlineView(code, deadline.dueAt(), deadline.legalDueAt(), warningAt(deadline, calendar),
				deadline.paused(), deadline.remaining().toMinutes(), deadline.extended(), lines);
	}

	/**
	 * Extends a dossier's appointment (the apology letter, Form 04). The dossier still
	 * counts as late.
	 * @throws ProblemException 404 when not visible; 409 when completed or paused; 422
	 * when the appointment is not after the current due date
	 */
	@Transactional
	public DeadlineView extend(String code, Instant appointment, String reason) {
		DossierFacts facts = this.dossiers.facts(this.dossiers.find(code).code());
		if (facts.completed()) {
			throw ProblemException
				.conflict("Dossier " + code + " is " + facts.status() + "; only an open dossier can be extended");
		}
		WorkingCalendar calendar = this.calendars.current();
		Deadline current = compute(code, calendar);
		if (current.paused()) {
			throw ProblemException.conflict("Dossier " + code + " awaits a supplement; its clock is stopped");
		}
		if (!appointment.isAfter(current.dueAt())) {
			throw ProblemException.invalid("appointment", "must be after the current due date " + current.dueAt());
		}
		append(code, new LedgerEntry(LedgerEntry.Type.EXTENDED, this.clock.instant(), null, null, appointment, reason,
				this.directory.currentActor()), null, calendar);
		this.dossiers.note(code, "EXTENDED", "Apology letter: new appointment " + appointment + " — " + reason);
		return view(code);
	}

	@EventListener
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void on(DossierReceived received) {
		Procedure procedure = procedure(received.procedureCode());
		WorkingCalendar calendar = this.calendars.current();
		Duration budget = calendar.days(procedure.processingDays());
		append(received.dossierCode(), new LedgerEntry(LedgerEntry.Type.RECEIVED, received.receivedAt(), budget,
				procedure.cutOffTime(), null, null, this.directory.currentActor()),
				procedure.supplementResumeMode().name(), calendar);
	}

	@EventListener
	void on(DossierStepReached step) {
		switch (step.status()) {
			case "AWAITING_SUPPLEMENT" ->
				append(step.dossierCode(), new LedgerEntry(LedgerEntry.Type.PAUSED, this.clock.instant(), null, null,
						null, "supplement requested", step.actor()), null, this.calendars.current());
			case "IN_PROGRESS" -> resumeIfPaused(step);
			case "RESULT_READY" -> classify(step.dossierCode());
			default -> {
			}
		}
	}

	@EventListener
	void on(DossierTaskCreated created) {
		WorkingCalendar calendar = this.calendars.current();
		Deadline deadline = compute(created.dossierCode(), calendar);
		if (deadline.lines().isEmpty()) {
			return;
		}
		DossierFacts facts = this.dossiers.facts(created.dossierCode());
		Integer share = stepShares(procedure(facts.procedureCode())).get(created.taskKey());
		if (share == null) {
			return;
		}
		Duration budget = deadline.budget().multipliedBy(share).dividedBy(100);
		Instant due = calendar.add(calendar.nextWorkingInstant(this.clock.instant()), budget);
		this.tasks.setDue(created.taskId(), due);
	}

	@EventListener
	void on(DossierTaskCompleted completed) {
		Instant now = this.clock.instant();
		this.tasks.step(completed.taskId())
			.filter((step) -> step.dueAt() != null)
			.ifPresent((step) -> this.tasks.recordVerdict(step.id(),
					Verdict.of(now, step.dueAt(), false, this.calendars.current().zone()).name()));
	}

	@EventListener
	void on(SlaAlarm alarm) {
		if (SlaAlarm.OVERDUE.equals(alarm.kind())) {
			this.dossiers.markOverdue(alarm.dossierCode());
			DossierFacts facts = this.dossiers.facts(alarm.dossierCode());
			this.events.publishEvent(new DeadlineMissed(alarm.dossierCode(), facts.processingUnit(), facts.dueAt()));
			log.warn("Dossier {} is overdue (due {}); supervisors of {} notified", alarm.dossierCode(), facts.dueAt(),
					facts.processingUnit());
		}
		else {
			this.dossiers.note(alarm.dossierCode(), "DEADLINE_WARNING",
					"Due soon: " + this.dossiers.facts(alarm.dossierCode()).dueAt());
		}
	}

	/**
	 * Re-projects every open dossier once the calendar change has committed, in batches
	 * of their own transactions: each dossier's ledger entry and timers still change
	 * together, and intake never waits on a transaction that spans every open dossier.
	 */
	@EventListener
	void on(CalendarChanged changed) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			reproject(changed);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				reproject(changed);
			}

		});
	}

	private void reproject(CalendarChanged changed) {
		long started = System.nanoTime();
		List<OpenDossier> open = this.transactions.execute((status) -> this.dossiers.openDossiers());
		List<List<OpenDossier>> batches = new ArrayList<>();
		for (int from = 0; from < open.size(); from += REPROJECTION_BATCH) {
			batches.add(open.subList(from, Math.min(open.size(), from + REPROJECTION_BATCH)));
		}
		// Two batches at a time: one computes while the other waits for the database
		ExecutorService workers = Executors.newFixedThreadPool(REPROJECTION_THREADS, (task) -> {
			Thread thread = new Thread(task, "reprojection-" + changed.year());
			thread.setDaemon(true);
			return thread;
		});
		AtomicInteger failed = new AtomicInteger();
		try {
			List<Future<?>> running = new ArrayList<>();
			for (List<OpenDossier> batch : batches) {
				running.add(workers.submit(() -> failed.addAndGet(reprojectBatch(batch, changed))));
			}
			for (Future<?> batch : running) {
				batch.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while re-projecting deadlines", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Re-projecting deadlines failed", ex.getCause());
		}
		finally {
			workers.shutdown();
		}
		log.info("Re-projected the deadlines of {} open dossiers in {} ms after the calendar of {} changed{}",
				open.size() - failed.get(), (System.nanoTime() - started) / 1_000_000, changed.year(),
				(failed.get() > 0) ? "; " + failed.get() + " failed (logged above)" : "");
	}

	/**
	 * One batch in its own transaction; when it fails (a dossier changed meanwhile), each
	 * of its dossiers alone, so that one busy dossier does not cost the others their new
	 * deadline. Answers how many dossiers kept their old deadline.
	 */
	private int reprojectBatch(List<OpenDossier> batch, CalendarChanged changed) {
		try {
			this.transactions.executeWithoutResult((status) -> reproject(batch, changed));
			return 0;
		}
		catch (RuntimeException batchFailure) {
			int failed = 0;
			for (OpenDossier dossier : batch) {
				try {
					this.transactions.executeWithoutResult((status) -> reproject(List.of(dossier), changed));
				}
				catch (RuntimeException ex) {
					failed++;
					log.error(
							"Dossier {} keeps its deadline from before the calendar change of {}: {}; "
									+ "save the calendar again to retry",
							dossier.code(), changed.year(), ex.toString());
				}
			}
			return failed;
		}
	}

	/**
	 * One batch of a re-projection, set-based: the ledgers are read in one query, the
	 * entries, due dates and timers written in batches. Same arithmetic as
	 * {@link #append}.
	 */
	private void reproject(List<OpenDossier> batch, CalendarChanged changed) {
		WorkingCalendar calendar = this.calendars.current();
		Instant now = this.clock.instant();
		Map<String, List<DeadlineEntry>> ledgers = new HashMap<>();
		for (DeadlineEntry stored : this.entries
			.findByDossierCodeInOrderById(batch.stream().map(OpenDossier::code).toList())) {
			ledgers.computeIfAbsent(stored.dossierCode(), (code) -> new ArrayList<>()).add(stored);
		}
		LedgerEntry change = new LedgerEntry(LedgerEntry.Type.CALENDAR_CHANGED, now, null, null, null,
				"calendar " + changed.year() + " changed by " + changed.actor(), changed.actor());
		List<DeadlineEntry> appended = new ArrayList<>();
		List<ScheduledDeadline> deadlines = new ArrayList<>();
		List<SlaTimers> timers = new ArrayList<>();
		for (OpenDossier dossier : batch) {
			List<DeadlineEntry> stored = ledgers.get(dossier.code());
			if (stored == null) {
				continue;
			}
			List<LedgerEntry> ledger = new ArrayList<>(stored.size() + 1);
			stored.forEach((entry) -> ledger.add(entry.entry()));
			ledger.add(change);
			Deadline after = DeadlineLedger.replay(ledger, calendar, now);
			DeadlineEntry entry = new DeadlineEntry(dossier.code(), change, null);
			entry.recordDue(stored.get(stored.size() - 1).dueAfter(), after.dueAt());
			appended.add(entry);
			Instant warning = warningAt(after, calendar);
			deadlines.add(new ScheduledDeadline(dossier.code(), after.dueAt(), warning));
			timers.add(new SlaTimers(dossier.processInstanceId(), warning, after.dueAt()));
		}
		this.inserts.insert(appended);
		this.dossiers.scheduleDeadlines(deadlines);
		this.workflow.rescheduleSlaTimers(timers);
	}

	private void resumeIfPaused(DossierStepReached step) {
		List<DeadlineEntry> stored = this.entries.findByDossierCodeOrderById(step.dossierCode());
		if (stored.isEmpty()) {
			return;
		}
		WorkingCalendar calendar = this.calendars.current();
		Deadline deadline = DeadlineLedger.replay(stored.stream().map(DeadlineEntry::entry).toList(), calendar,
				this.clock.instant());
		if (!deadline.paused()) {
			return;
		}
		boolean restart = stored.stream()
			.filter((entry) -> entry.entry().type() == LedgerEntry.Type.RECEIVED)
			.anyMatch((entry) -> Procedure.SupplementResumeMode.RESTART.name().equals(entry.resumeMode()));
		append(step.dossierCode(), new LedgerEntry(restart ? LedgerEntry.Type.RESTARTED : LedgerEntry.Type.RESUMED,
				this.clock.instant(), null, null, null, "supplement received", step.actor()), null, calendar);
	}

	private void classify(String code) {
		WorkingCalendar calendar = this.calendars.current();
		Deadline deadline = compute(code, calendar);
		if (deadline.legalDueAt() == null) {
			return;
		}
		Verdict verdict = Verdict.of(this.clock.instant(), deadline.legalDueAt(), deadline.extended(), calendar.zone());
		this.dossiers.recordVerdict(code, verdict.name());
	}

	private void append(String code, LedgerEntry entry, String resumeMode, WorkingCalendar calendar) {
		List<LedgerEntry> ledger = new java.util.ArrayList<>(
				this.entries.findByDossierCodeOrderById(code).stream().map(DeadlineEntry::entry).toList());
		Instant before = ledger.isEmpty() ? null : DeadlineLedger.replay(ledger, calendar, entry.at()).dueAt();
		ledger.add(entry);
		Deadline after = DeadlineLedger.replay(ledger, calendar, entry.at());
		DeadlineEntry stored = new DeadlineEntry(code, entry, resumeMode);
		stored.recordDue(before, after.dueAt());
		this.entries.save(stored);
		Instant warning = warningAt(after, calendar);
		this.dossiers.scheduleDeadline(code, after.dueAt(), warning);
		this.workflow.scheduleSlaTimers(code, warning, after.dueAt());
	}

	private Deadline compute(String code, WorkingCalendar calendar) {
		return DeadlineLedger.replay(
				this.entries.findByDossierCodeOrderById(code).stream().map(DeadlineEntry::entry).toList(), calendar,
				this.clock.instant());
	}

	private Instant warningAt(Deadline deadline, WorkingCalendar calendar) {
		if (deadline.dueAt() == null) {
			return null;
		}
		Duration share = deadline.budget().multipliedBy(this.properties.warningShare()).dividedBy(100);
		Duration lead = (share.compareTo(this.properties.warningLead()) < 0) ? share : this.properties.warningLead();
		return calendar.subtract(deadline.dueAt(), lead);
	}

	private Procedure procedure(String code) {
		return this.catalog.find(code)
			.orElseThrow(() -> new IllegalStateException("Procedure " + code + " is no longer in the catalog"));
	}

	private static Map<String, Integer> stepShares(Procedure procedure) {
		return procedure.stepShares().isEmpty() ? DEFAULT_STEP_SHARES : procedure.stepShares();
	}

}
