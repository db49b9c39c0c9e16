package io.motcua.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.commons.codec.digest.DigestUtils;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.TransactionException;

/**
 * Remembers successful HTTP Basic logins for a short time, so that an API client sending
 * the same credentials with every request pays for the deliberately slow password hash
 * once per {@code ttl}, not on every call. Keys are SHA-256 digests of user name and
 * password, never the password itself; failures are never cached.
 * <p>
 * Each remembered login carries the version of the member of staff it was made with
 * ({@code staff.version}, raised by every change of password, roles or access), and the
 * version in the database is read on every use: one indexed read instead of a password
 * hash. A change made on any node therefore ends the remembered logins of every node at
 * the next request, without messages between nodes.
 */
final class CredentialCache implements AuthenticationProvider {

	private static final int MAX_ENTRIES = 10_000;

	private final AuthenticationProvider delegate;

	private final Duration ttl;

	private final Clock clock;

	private final Function<String, Optional<Long>> versions;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	/**
	 * @param versions the current version of a member of staff by user name, empty for
	 * nobody
	 */
	CredentialCache(AuthenticationProvider delegate, Duration ttl, Clock clock,
			Function<String, Optional<Long>> versions) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
		this.versions = versions;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		if (this.ttl.isZero() || !(authentication.getCredentials() instanceof String password)) {
			return this.delegate.authenticate(authentication);
		}
		String key = digest(authentication.getName() + '\u0000' + password);
		Instant now = this.clock.instant();
		// Read before the password check: a change that lands during the check leaves an
		// older version in the entry, which the next request finds stale
		Optional<Long> version = versionOf(authentication.getName());
		Entry cached = this.entries.get(key);
		if (cached != null && cached.expiresAt().isAfter(now) && version.isPresent()
				&& cached.version() == version.get()) {
			return cached.authentication();
		}
		if (cached != null) {
			this.entries.remove(key, cached);
		}
		Authentication result = this.delegate.authenticate(authentication);
		if (result != null && result.isAuthenticated() && version.isPresent()) {
			if (this.entries.size() >= MAX_ENTRIES) {
				this.entries.values().removeIf((entry) -> !entry.expiresAt().isAfter(now));
				if (this.entries.size() >= MAX_ENTRIES) {
					this.entries.clear();
				}
			}
			this.entries.put(key, new Entry(result, now.plus(this.ttl), version.get()));
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	private Optional<Long> versionOf(String username) {
		try {
			return this.versions.apply(username);
		}
		catch (DataAccessException | TransactionException ex) {
			throw new InternalAuthenticationServiceException("Staff cannot be read now", ex);
		}
	}

	private static String digest(String value) {
		return DigestUtils.sha256Hex(value);
	}

	private record Entry(Authentication authentication, Instant expiresAt, long version) {
	}

}
