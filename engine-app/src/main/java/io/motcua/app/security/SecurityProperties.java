package io.motcua.app.security;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings.
 *
 * @param refuseDemoPasswords refuse to start while any staff member has the demo password
 * (on for the {@code postgres} profile)
 * @param bootstrapAdminPassword when set and no staff exists yet, create an {@code admin}
 * with this password in the bootstrap unit, so that a fresh production database can be
 * administered
 * @param bootstrapUnitCode code of the root unit created with the bootstrap admin
 * @param bootstrapUnitName name of that unit
 * @param credentialCacheTtl how long a successful HTTP Basic login is remembered, so that
 * API clients do not pay for the password hash on every request; zero turns the cache
 * off. A change of the member of staff (password, roles, access) ends it at once on every
 * node
 * @param login how password guessing is slowed and stopped
 * @param publicRequests how often one client address may call the public endpoints (the
 * applicants' lookup)
 */
@Validated
@ConfigurationProperties("motcua.security")
public record SecurityProperties(@DefaultValue("false") boolean refuseDemoPasswords, String bootstrapAdminPassword,
		@DefaultValue("ROOT") String bootstrapUnitCode, @DefaultValue("Root unit") String bootstrapUnitName,
		@DefaultValue("PT5M") Duration credentialCacheTtl, @DefaultValue @Valid Login login,
		@DefaultValue @Valid PublicRequests publicRequests) {

	/**
	 * Failed logins (HTTP Basic and the login form alike), counted per account and per
	 * client address on every node. After two failures each further attempt waits
	 * {@code delay}, then twice, then three times as long; {@code maxFailures} failures
	 * of one account within {@code window} lock it until the window is over (an
	 * administrator may unlock it sooner). A waiting or locked login is answered 429 with
	 * {@code Retry-After} without its password being checked.
	 *
	 * @param maxFailures failed logins of one account (known or not) within the window
	 * that lock it
	 * @param addressMaxFailures failed logins from one client address within the window
	 * that lock the address, for every account; higher than {@code maxFailures} because
	 * the staff of one office often share one address
	 * @param window the window in which failures count, opened by the first failure
	 * @param delay the first wait after the second failure; zero turns the waits off and
	 * leaves only the lock
	 */
	public record Login(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("20") @Min(1) int addressMaxFailures,
			@DefaultValue("PT15M") @NotNull Duration window, @DefaultValue("PT10S") @NotNull Duration delay) {

		@AssertTrue(message = "must be positive, and the delay not negative")
		boolean isWindowPositive() {
			return !this.window.isNegative() && !this.window.isZero() && !this.delay.isNegative();
		}

	}

	/**
	 * The public endpoints (the lookup API and page): {@code capacity} requests per
	 * client address, which come back evenly over {@code period}; one more is answered
	 * 429 with {@code Retry-After}.
	 *
	 * @param capacity requests one client address may make at once
	 * @param period the time in which all of them come back
	 */
	public record PublicRequests(@DefaultValue("30") @Min(1) int capacity,
			@DefaultValue("PT1M") @NotNull Duration period) {

		@AssertTrue(message = "must be positive")
		boolean isPeriodPositive() {
			return !this.period.isNegative() && !this.period.isZero();
		}

	}

}
