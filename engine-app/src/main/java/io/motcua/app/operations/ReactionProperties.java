package io.motcua.app.operations;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How reactions after commit are retried.
 *
 * @param retryInterval how often incomplete reactions are looked for
 * @param retryAfter how old a reaction must be before it counts as stuck and is run again
 * (a reaction still running normally is younger)
 * @param maxBackoff the longest pause between two runs of a reaction that keeps failing;
 * pauses double from {@code retryAfter} up to this
 * @param stuckAfter after how many failed runs a reaction about a dossier counts as
 * failed for good: the dossier is reported stuck (timeline, the unit's supervisors, the
 * {@code motcua.dossiers.stuck} gauge); the reaction is still retried
 */
@Validated
@ConfigurationProperties("motcua.reactions")
public record ReactionProperties(@DefaultValue("PT30S") @NotNull Duration retryInterval,
		@DefaultValue("PT1M") @NotNull Duration retryAfter, @DefaultValue("PT1H") @NotNull Duration maxBackoff,
		@DefaultValue("5") @Min(1) int stuckAfter) {

	/** The pause after a reaction failed {@code attempts} times. */
	Duration backoff(int attempts) {
		Duration pause = this.retryAfter;
		for (int i = 1; i < attempts && pause.compareTo(this.maxBackoff) < 0; i++) {
			pause = pause.multipliedBy(2);
		}
		return (pause.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : pause;
	}

}
