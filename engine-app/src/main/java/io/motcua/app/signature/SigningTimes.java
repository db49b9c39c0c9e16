package io.motcua.app.signature;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * How long the server takes to sign and to verify results: what a slow timestamp
 * authority, a slow disk or a key store under load shows first. Recorded whether the
 * command then commits or not: the time was spent either way.
 */
@Component
class SigningTimes {

	/** Who signs: the approver, or the processing unit's seal. */
	enum Role {

		APPROVER, SEAL

	}

	/**
	 * With which key: held by the server, or on a token or a remote signing service (the
	 * two-step signature, timed when its value comes back and the server completes it).
	 */
	enum Key {

		SERVER, EXTERNAL

	}

	/** From a few milliseconds (a local key) to the timestamp authority's timeout. */
	private static final Duration[] BUCKETS = { Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
			Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
			Duration.ofSeconds(10), Duration.ofSeconds(30) };

	private final MeterRegistry registry;

	private final MeterProvider<Timer> signing;

	private final MeterProvider<Timer> verification;

	SigningTimes(MeterRegistry registry) {
		this.registry = registry;
		this.signing = Timer.builder("motcua.signing.duration")
			.description("Time to sign a dossier's result (the signature and its timestamp, not the rendering),"
					+ " by role (approver, seal), key (server, external) and outcome")
			.serviceLevelObjectives(BUCKETS)
			.withRegistry(registry);
		this.verification = Timer.builder("motcua.verification.duration")
			.description("Time to verify a signed and sealed result before it is returned, by outcome"
					+ " (failure: not valid, or the check failed)")
			.serviceLevelObjectives(BUCKETS)
			.withRegistry(registry);
	}

	/** Signs through {@code signature}, timed by role, key and outcome. */
	byte[] sign(Role role, Key key, Supplier<byte[]> signature) {
		Timer.Sample sample = Timer.start(this.registry);
		boolean signed = false;
		try {
			byte[] pdf = signature.get();
			signed = true;
			return pdf;
		}
		finally {
			sample.stop(this.signing.withTags("role", name(role), "key", name(key), "outcome", outcome(signed)));
		}
	}

	/**
	 * Verifies through {@code verification}, timed by outcome: a success when it answers
	 * a report that {@code valid} accepts.
	 */
	<R> R verify(Supplier<R> verification, Predicate<R> valid) {
		Timer.Sample sample = Timer.start(this.registry);
		boolean success = false;
		try {
			R report = verification.get();
			success = valid.test(report);
			return report;
		}
		finally {
			sample.stop(this.verification.withTags("outcome", outcome(success)));
		}
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static String outcome(boolean success) {
		return success ? "success" : "failure";
	}

}
