package io.motcua.app.sla;

import java.time.Clock;
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

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.OpenDossier;
import io.motcua.app.dossier.DossierViews.ScheduledDeadline;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.DossierTasks.OpenStep;
import io.motcua.app.workflow.SlaTimers;
import io.motcua.app.workflow.Workflow;

/**
 * Re-projects the deadline of every open dossier once a calendar change has committed.
 * The change's request waits for it (an administrator sees the new due dates when the
 * save answers); it runs from the event publication registry, so a re-projection cut
 * short by a crash is run again. Batches have their own transactions: each dossier's
 * ledger entry, due date and timers still change together, and intake never waits on a
 * transaction that spans every open dossier.
 */
@Component
class DeadlineReprojection {

	private static final Logger log = LoggerFactory.getLogger(DeadlineReprojection.class);

	/** Dossiers re-projected per transaction. */
	private static final int BATCH = 500;

	/**
	 * Batches re-projected at once: one computes while the other waits for the database.
	 */
	private static final int THREADS = 2;

	private final DeadlineEntryRepository entries;

	private final DeadlineEntryInserts inserts;

	private final Ledgers ledgers;

	private final DossierService dossiers;

	private final Workflow workflow;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final DossierTasks tasks;

	private final ProcedureCatalog catalog;

	DeadlineReprojection(DeadlineEntryRepository entries, DeadlineEntryInserts inserts, Ledgers ledgers,
			DossierService dossiers, Workflow workflow, DossierTasks tasks, ProcedureCatalog catalog,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.tasks = tasks;
		this.catalog = catalog;
		this.entries = entries;
		this.inserts = inserts;
		this.ledgers = ledgers;
		this.dossiers = dossiers;
		this.workflow = workflow;
		this.transactions = new TransactionTemplate(transactionManager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	@TransactionalEventListener
	void on(CalendarChanged changed) {
		long started = System.nanoTime();
		List<OpenDossier> open = this.transactions.execute((status) -> this.dossiers.openDossiers());
		List<List<OpenDossier>> batches = new ArrayList<>();
		for (int from = 0; from < open.size(); from += BATCH) {
			batches.add(open.subList(from, Math.min(open.size(), from + BATCH)));
		}
		ExecutorService workers = Executors.newFixedThreadPool(THREADS, (task) -> {
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
	 * {@link Ledgers#append}.
	 */
	private void reproject(List<OpenDossier> batch, CalendarChanged changed) {
		WorkingCalendar calendar = this.ledgers.calendar();
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
		Map<String, List<OpenStep>> steps = new HashMap<>();
		for (OpenStep step : this.tasks.openSteps(ledgers.keySet())) {
			steps.computeIfAbsent(step.dossierCode(), (code) -> new ArrayList<>()).add(step);
		}
		Map<String, Instant> stepDues = new HashMap<>();
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
			Instant warning = this.ledgers.warningAt(after, calendar);
			deadlines.add(new ScheduledDeadline(dossier.code(), after.dueAt(), warning));
			timers.add(new SlaTimers(dossier.processInstanceId(), warning, after.dueAt()));
			List<OpenStep> open = steps.get(dossier.code());
			if (open != null) {
				this.catalog.find(dossier.procedureCode())
					.ifPresent(
							(procedure) -> stepDues.putAll(DeadlineService.stepDues(after, procedure, open, calendar)));
			}
		}
		this.inserts.insert(appended);
		this.dossiers.scheduleDeadlines(deadlines);
		this.workflow.rescheduleTimers(timers);
		this.tasks.redate(stepDues);
	}

}
