package io.motcua.bench;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Waits for something the engine's job executor produces (the return step appears once
 * the asynchronous seal and verification have run), the same way for Motcua and its
 * peers.
 */
final class Await {

	private static final Duration LIMIT = Duration.ofSeconds(60);

	private Await() {
	}

	static <T> T until(String what, Supplier<Optional<T>> probe) {
		long deadline = System.nanoTime() + LIMIT.toNanos();
		while (true) {
			Optional<T> found = probe.get();
			if (found.isPresent()) {
				return found.get();
			}
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
