package io.motcua.app.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * A login refused without its password being checked: its account or its client address
 * failed too often lately. Answered alike for every user name, known or not.
 */
final class TooManyLoginFailures extends AuthenticationException {

	private final Duration retryAfter;

	TooManyLoginFailures(Duration retryAfter) {
		super("Too many failed logins; try again in " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	/** How long the caller should wait before trying again. */
	Duration retryAfter() {
		return this.retryAfter;
	}

	/** The wait in whole seconds, at least one, for {@code Retry-After}. */
	long retryAfterSeconds() {
		long seconds = this.retryAfter.toSeconds() + ((this.retryAfter.toNanosPart() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
