package io.motcua.app.metrics;

import java.time.Duration;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.motcua.app.dossier.DossierJudged;
import io.motcua.app.dossier.DossierReceived;
import io.motcua.app.lifecycle.StepCompleted;

/**
 * Counts dossiers received and completed, and times the steps, from the events the
 * commands publish; a count is made once the command's transaction has committed, so an
 * intake or a step that rolls back counts nothing.
 *
 * <p>
 * The listeners are plain {@code @EventListener}s, called inside the command, that leave
 * the count to a {@link TransactionSynchronization#afterCommit()}. A
 * {@code @TransactionalEventListener} (or {@code @ApplicationModuleListener}) would say
 * the same more briefly, but Spring Modulith stores a publication in the event
 * publication registry for every transactional listener of an event: an insert and a
 * delete per event on the commands' hot path, for a number that is lost with the node
 * anyway.
 *
 * <p>
 * Units are tags (the units of one province: bounded); dossier codes and people never
 * are.
 */
@Component
class DossierMeters {

	/**
	 * Buckets of the step timer: steps are handed over and done by people, in minutes to
	 * weeks (calendar time, nights and holidays included).
	 */
	private static final Duration[] STEP_BUCKETS = { Duration.ofMinutes(1), Duration.ofMinutes(5),
			Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2),
			Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(2), Duration.ofDays(3),
			Duration.ofDays(5), Duration.ofDays(7), Duration.ofDays(10), Duration.ofDays(15), Duration.ofDays(20),
			Duration.ofDays(30), Duration.ofDays(60) };

	private final MeterProvider<Counter> received;

	private final MeterProvider<Counter> completed;

	private final MeterProvider<Timer> steps;

	DossierMeters(MeterRegistry registry) {
		this.received = Counter.builder("motcua.dossiers.received")
			.description("Dossiers received, by channel (COUNTER, ONLINE, POSTAL) and receiving unit")
			.withRegistry(registry);
		this.completed = Counter.builder("motcua.dossiers.completed")
			.description("Dossiers whose result is ready, by verdict against the due date (EARLY, ON_TIME, LATE)"
					+ " and processing unit")
			.withRegistry(registry);
		this.steps = Timer.builder("motcua.steps.duration")
			.description("Time from a step's hand-over to its completion (calendar time), by step (the model's id)")
			.serviceLevelObjectives(STEP_BUCKETS)
			.withRegistry(registry);
	}

	@EventListener
	void on(DossierReceived received) {
		Counter counter = this.received.withTags("channel", received.channel().name(), "unit",
				received.receivingUnit());
		afterCommit(counter::increment);
	}

	/**
	 * The verdict is recorded inside the engine's command that makes the result ready,
	 * and the dossier feature tells it as {@link DossierJudged}. Counted on that rather
	 * than on the status change to RESULT_READY, which comes before the verdict and does
	 * not carry it: reading it back from the dossier after commit would cost a query per
	 * dossier. A dossier without a legal due date gets no verdict and is not counted.
	 */
	@EventListener
	void on(DossierJudged judged) {
		Counter counter = this.completed.withTags("verdict", judged.verdict(), "unit", judged.processingUnit());
		afterCommit(counter::increment);
	}

	@EventListener
	void on(StepCompleted completed) {
		if (completed.openedAt() == null || completed.at().isBefore(completed.openedAt())) {
			return;
		}
		Timer timer = this.steps.withTags("step", completed.stepKey());
		Duration took = Duration.between(completed.openedAt(), completed.at());
		afterCommit(() -> timer.record(took));
	}

	/**
	 * Runs {@code count} once the current transaction has committed (and never if it
	 * rolls back); at once when there is none.
	 */
	static void afterCommit(Runnable count) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				count.run();
			}

		});
	}

}
