package io.motcua.app.signature;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.motcua.signing.SigningException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Signing and verification are timed by outcome, and a failure still reaches the caller.
 */
class SigningTimesTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final SigningTimes times = new SigningTimes(this.registry);

	@Test
	void timesASignatureByRoleKeyAndOutcome() {
		byte[] pdf = this.times.sign(SigningTimes.Role.SEAL, SigningTimes.Key.SERVER, () -> new byte[] { 1 });
		assertThat(pdf).containsExactly(1);
		assertThatExceptionOfType(SigningException.class)
			.isThrownBy(() -> this.times.sign(SigningTimes.Role.APPROVER, SigningTimes.Key.EXTERNAL, () -> {
				throw new SigningException("the value does not match the certificate");
			}));

		assertThat(signings("seal", "server", "success")).isEqualTo(1);
		assertThat(signings("approver", "external", "failure")).isEqualTo(1);
		assertThat(this.registry.find("motcua.signing.duration").timers()).hasSize(2);
	}

	@Test
	void aVerificationThatFindsTheResultInvalidOrFailsIsAFailure() {
		assertThat(this.times.verify(() -> "VALID", "VALID"::equals)).isEqualTo("VALID");
		assertThat(this.times.verify(() -> "INDETERMINATE", "VALID"::equals)).isEqualTo("INDETERMINATE");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.times.verify(() -> {
			throw new IllegalStateException("no trust anchor");
		}, "VALID"::equals));

		assertThat(verifications("success")).isEqualTo(1);
		assertThat(verifications("failure")).isEqualTo(2);
	}

	private long signings(String role, String key, String outcome) {
		return this.registry.get("motcua.signing.duration")
			.tags("role", role, "key", key, "outcome", outcome)
			.timer()
			.count();
	}

	private long verifications(String outcome) {
		return this.registry.get("motcua.verification.duration").tag("outcome", outcome).timer().count();
	}

}
