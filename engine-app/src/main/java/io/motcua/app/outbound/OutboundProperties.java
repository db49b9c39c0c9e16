package io.motcua.app.outbound;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How events leave.
 *
 * @param source the CloudEvents {@code source} of every event: this installation (a URI,
 * for example {@code https://motcua.example-province.gov.vn})
 * @param pollInterval how often due deliveries are looked for
 * @param batchSize how many deliveries one look takes at most
 * @param lease how long a node holds a delivery it is attempting before another may
 * @param requestTimeout how long a destination may take to answer one delivery
 * @param retryInitial the pause after a first failure; pauses double from here
 * @param retryMax the longest pause between two attempts
 * @param deadAfter how long after it was recorded a failing delivery is given up (parked
 * as dead, to be redelivered by hand)
 * @param keep how long the events of a finished dossier, all delivered, stay in the
 * outbox
 */
@Validated
@ConfigurationProperties("motcua.outbound")
public record OutboundProperties(@DefaultValue("urn:motcua") @NotBlank String source,
		@DefaultValue("PT1S") @NotNull Duration pollInterval, @DefaultValue("200") @Positive int batchSize,
		@DefaultValue("PT1M") @NotNull Duration lease, @DefaultValue("PT10S") @NotNull Duration requestTimeout,
		@DefaultValue("PT10S") @NotNull Duration retryInitial, @DefaultValue("PT30M") @NotNull Duration retryMax,
		@DefaultValue("P3D") @NotNull Duration deadAfter, @DefaultValue("P30D") @NotNull Duration keep) {

	/** The pause after a delivery failed {@code attempts} times. */
	Duration backoff(int attempts) {
		Duration pause = this.retryInitial;
		for (int i = 1; i < attempts && pause.compareTo(this.retryMax) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(this.retryMax) > 0) ? this.retryMax : pause;
	}

}
