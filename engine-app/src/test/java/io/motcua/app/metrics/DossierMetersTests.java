package io.motcua.app.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierJudged;
import io.motcua.app.dossier.DossierReceived;
import io.motcua.app.lifecycle.StepCompleted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Counts follow the commit of the command that published the event: nothing while it
 * runs, nothing when it rolls back.
 */
class DossierMetersTests {

	private static final Instant AT = Instant.parse("2026-12-07T02:00:00Z");

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final DossierMeters meters = new DossierMeters(this.registry);

	private final TransactionTemplate transaction = new TransactionTemplate(new TransactionsWithoutResource());

	@Test
	void countsAnIntakeOnceItCommits() {
		this.transaction.executeWithoutResult((status) -> {
			this.meters.on(received(Channel.ONLINE));
			assertThat(received("ONLINE")).as("before commit").isZero();
		});
		assertThat(received("ONLINE")).isEqualTo(1);
		assertThat(received("COUNTER")).isZero();
	}

	@Test
	void anIntakeThatRollsBackCountsNothing() {
		this.transaction.executeWithoutResult((status) -> {
			this.meters.on(received(Channel.COUNTER));
			status.setRollbackOnly();
		});
		assertThatIllegalStateException().isThrownBy(() -> this.transaction.executeWithoutResult((status) -> {
			this.meters.on(received(Channel.COUNTER));
			throw new IllegalStateException("the process did not start");
		}));
		assertThat(received("COUNTER")).isZero();
	}

	@Test
	void countsACompletedDossierByVerdictAndProcessingUnitOnceItCommits() {
		this.transaction
			.executeWithoutResult((status) -> this.meters.on(new DossierJudged("D-1", "LONGTHANH", "LATE", AT)));
		this.transaction.executeWithoutResult((status) -> {
			this.meters.on(new DossierJudged("D-2", "LONGTHANH", "EARLY", AT));
			status.setRollbackOnly();
		});
		assertThat(this.registry.get("motcua.dossiers.completed")
			.tags("verdict", "LATE", "unit", "LONGTHANH")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.find("motcua.dossiers.completed").tags("verdict", "EARLY").counters())
			.allSatisfy((counter) -> assertThat(counter.count()).isZero());
	}

	@Test
	void timesAStepFromHandOverToCompletionOnceItCommits() {
		StepCompleted review = new StepCompleted("D-1", "Task_ReviewDossier", "Thẩm định", "PROPOSE_APPROVAL", null,
				"specialist", AT, AT.plus(Duration.ofHours(3)), 2);
		this.transaction.executeWithoutResult((status) -> this.meters.on(review));
		this.transaction.executeWithoutResult((status) -> {
			this.meters.on(review);
			status.setRollbackOnly();
		});
		var timer = this.registry.get("motcua.steps.duration").tag("step", "Task_ReviewDossier").timer();
		assertThat(timer.count()).isEqualTo(1);
		assertThat(timer.totalTime(TimeUnit.HOURS)).isEqualTo(3);
	}

	@Test
	void countsAtOnceOutsideATransaction() {
		this.meters.on(received(Channel.POSTAL));
		assertThat(received("POSTAL")).isEqualTo(1);
	}

	private static DossierReceived received(Channel channel) {
		return new DossierReceived("TRANBIEN-20261207-0001", "HKD-01", channel, "TRANBIEN", "TRANBIEN", AT, "clerk", 1);
	}

	private double received(String channel) {
		var counter = this.registry.find("motcua.dossiers.received")
			.tags("channel", channel, "unit", "TRANBIEN")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	/**
	 * Transactions with their synchronisations (what the counting hangs on) and no
	 * resource.
	 */
	static class TransactionsWithoutResource extends AbstractPlatformTransactionManager {

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
		}

	}

}
