package io.motcua.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialCacheTests {

	private final AtomicInteger checks = new AtomicInteger();

	/** The staff's versions, as the database has them. */
	private final Map<String, Long> versions = new ConcurrentHashMap<>(Map.of("clerk", 1L));

	private final AuthenticationProvider passwords = new AuthenticationProvider() {

		@Override
		public Authentication authenticate(Authentication authentication) {
			CredentialCacheTests.this.checks.incrementAndGet();
			if (!"demo".equals(authentication.getCredentials())) {
				throw new BadCredentialsException("bad");
			}
			return UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
					List.of(new SimpleGrantedAuthority("ROLE_CLERK")));
		}

		@Override
		public boolean supports(Class<?> authentication) {
			return true;
		}

	};

	@Test
	void repeatedLoginWithTheSameCredentialsChecksThePasswordOnce() {
		CredentialCache cache = cache(Duration.ofMinutes(5), fixed("2026-03-02T00:00:00Z"));
		for (int i = 0; i < 3; i++) {
			assertThat(cache.authenticate(login("clerk", "demo")).isAuthenticated()).isTrue();
		}
		assertThat(this.checks).hasValue(1);
	}

	@Test
	void wrongPasswordIsCheckedEveryTimeAndNeverCached() {
		CredentialCache cache = cache(Duration.ofMinutes(5), fixed("2026-03-02T00:00:00Z"));
		cache.authenticate(login("clerk", "demo"));
		assertThatThrownBy(() -> cache.authenticate(login("clerk", "guess")))
			.isInstanceOf(BadCredentialsException.class);
		assertThatThrownBy(() -> cache.authenticate(login("clerk", "guess")))
			.isInstanceOf(BadCredentialsException.class);
		assertThat(this.checks).hasValue(3);
	}

	@Test
	void rememberedLoginExpiresAfterTheTtl() {
		MovableClock clock = new MovableClock(Instant.parse("2026-03-02T00:00:00Z"));
		CredentialCache cache = cache(Duration.ofMinutes(5), clock);
		cache.authenticate(login("clerk", "demo"));
		clock.now = clock.now.plus(Duration.ofMinutes(6));
		cache.authenticate(login("clerk", "demo"));
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void zeroTtlTurnsTheCacheOff() {
		CredentialCache cache = cache(Duration.ZERO, fixed("2026-03-02T00:00:00Z"));
		cache.authenticate(login("clerk", "demo"));
		cache.authenticate(login("clerk", "demo"));
		assertThat(this.checks).hasValue(2);
	}

	@Test
	void aChangeOfTheMemberOfStaffOnAnyNodeEndsTheRememberedLoginAtTheNextRequest() {
		CredentialCache cache = cache(Duration.ofMinutes(5), fixed("2026-03-02T00:00:00Z"));
		cache.authenticate(login("clerk", "demo"));
		cache.authenticate(login("clerk", "demo"));
		assertThat(this.checks).hasValue(1);
		// Another node disabled the clerk, changed roles or the password: the version
		// in the database moved
		this.versions.put("clerk", 2L);
		cache.authenticate(login("clerk", "demo"));
		assertThat(this.checks).hasValue(2);
		cache.authenticate(login("clerk", "demo"));
		assertThat(this.checks).as("remembered again, with the new version").hasValue(2);
	}

	@Test
	void aMemberOfStaffWhoIsGoneIsNeverRemembered() {
		CredentialCache cache = cache(Duration.ofMinutes(5), fixed("2026-03-02T00:00:00Z"));
		cache.authenticate(login("clerk", "demo"));
		this.versions.remove("clerk");
		cache.authenticate(login("clerk", "demo"));
		cache.authenticate(login("clerk", "demo"));
		assertThat(this.checks).hasValue(3);
	}

	private CredentialCache cache(Duration ttl, Clock clock) {
		return new CredentialCache(this.passwords, ttl, clock,
				(username) -> Optional.ofNullable(this.versions.get(username)));
	}

	private static Authentication login(String user, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
	}

	private static Clock fixed(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

}
