package io.motcua.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Waits for something the engine's job executor produces (the return step appears once
 * the asynchronous seal and verification have run), the same way for Motcua and its
 * peers.
 */
final class Await {

	private static final Duration LIMIT = Duration.ofSeconds(60);

	/**
	 * Probes that found nothing yet: each is a read-only transaction of the client's
	 * waiting, not of the lifecycle, and is taken off the commit count.
	 */
	private static final AtomicLong EMPTY_PROBES = new AtomicLong();

	private Await() {
	}

	static long emptyProbes() {
		return EMPTY_PROBES.get();
	}

	static <T> T until(String what, Supplier<Optional<T>> probe) {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (true) {
			Optional<T> found = probe.get();
			if (found.isPresent()) {
				return found.get();
			}
			EMPTY_PROBES.incrementAndGet();
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("Gave up waiting for " + what + " after " + LIMIT);
			}
			try {
				Thread.sleep(5);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
