package io.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Runs lifecycles from a number of client threads for a fixed time. */
final class Rounds {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000L * 1000);

	private Rounds() {
	}

	/**
	 * What one round of one subject gave.
	 *
	 * @param dossiers lifecycles completed
	 * @param seconds wall time until the last thread finished its last lifecycle
	 * @param commits transactions committed in the subject's database meanwhile, less the
	 * client's empty probes while it waited for the asynchronous step
	 * @param errors lifecycles that failed
	 */
	record Result(long dossiers, double seconds, long commits, long errors, String firstError) {

		double perSecond() {
			return this.dossiers / this.seconds;
		}

		double commitsPerDossier() {
			return (this.dossiers == 0) ? Double.NaN : (double) this.commits / this.dossiers;
		}

	}

	static Result run(Lifecycle subject, int threads, double seconds) throws InterruptedException {
		Postgres.flushStats(subject.dataSource());
		long commitsBefore = Postgres.commits(subject.database());
		long probesBefore = Await.emptyProbes();
		AtomicLong done = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		long start = System.nanoTime();
		long deadline = start + (long) (seconds * 1e9);
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			Thread client = new Thread(() -> {
				while (System.nanoTime() < deadline) {
					try {
						subject.runOne(SEQUENCE.incrementAndGet());
						done.incrementAndGet();
					}
					catch (Exception | AssertionError ex) {
						errors.incrementAndGet();
						firstError.compareAndSet(null, ex.toString());
					}
				}
			}, "bench-client-" + i);
			clients.add(client);
			client.start();
		}
		for (Thread client : clients) {
			client.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		Postgres.flushStats(subject.dataSource());
		long commits = Postgres.commits(subject.database()) - commitsBefore - (Await.emptyProbes() - probesBefore);
		return new Result(done.get(), elapsed, commits, errors.get(), firstError.get());
	}

}
