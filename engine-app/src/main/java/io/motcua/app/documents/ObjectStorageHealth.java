package io.motcua.app.documents;

import java.time.Duration;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The object storage's health ({@code documentStore} in {@code /actuator/health}):
 * whether the bucket answers within two seconds. Not part of the readiness group on
 * purpose: every node shares the one object storage, and taking them all out of the proxy
 * would stop the work that needs no document too.
 */
class ObjectStorageHealth implements HealthIndicator {

	private static final Duration PATIENCE = Duration.ofSeconds(2);

	private final S3DocumentStore store;

	ObjectStorageHealth(S3DocumentStore store) {
		this.store = store;
	}

	@Override
	public Health health() {
		return this.store.unavailability(PATIENCE)
			.map((why) -> Health.down().withDetail("error", why).build())
			.orElseGet(() -> Health.up().build());
	}

}
