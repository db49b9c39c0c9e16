package io.motcua.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.codec.digest.DigestUtils;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers successful HTTP Basic logins for a short time, so that an API client sending
 * the same credentials with every request pays for the deliberately slow password hash
 * once per {@code ttl}, not on every call. Keys are SHA-256 digests of user name and
 * password, never the password itself; failures are never cached. A changed role or
 * password takes effect after at most {@code ttl}.
 */
final class CredentialCache implements AuthenticationProvider {

	private static final int MAX_ENTRIES = 10_000;

	private final AuthenticationProvider delegate;

	private final Duration ttl;

	private final Clock clock;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	CredentialCache(AuthenticationProvider delegate, Duration ttl, Clock clock) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (this.ttl.isZero() || !(authentication.getCredentials() instanceof String password)) {
			return this.delegate.authenticate(authentication);
		}
		String key = digest(authentication.getName() + '\u0000' + password);
		Instant now = this.clock.instant();
		Entry cached = this.entries.get(key);
		if (cached != null && cached.expiresAt().isAfter(now)) {
			return cached.authentication();
		}
		Authentication result = this.delegate.authenticate(authentication);
		if (result != null && result.isAuthenticated()) {
			if (this.entries.size() >= MAX_ENTRIES) {
				this.entries.values().removeIf((entry) -> !entry.expiresAt().isAfter(now));
				if (this.entries.size() >= MAX_ENTRIES) {
					this.entries.clear();
				}
			}
			this.entries.put(key, new Entry(result, now.plus(this.ttl)));
		}
		return result;
	}

	/** Forgets every remembered login, after a password or role changed. */
	void forgetAll() {
		this.entries.clear();
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private static String digest(String value) {
		return DigestUtils.sha256Hex(value);
	}

	private record Entry(Authentication authentication, Instant expiresAt) {
	}

}
