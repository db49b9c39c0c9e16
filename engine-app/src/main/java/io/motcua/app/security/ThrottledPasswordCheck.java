package io.motcua.app.security;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.transaction.TransactionException;

import io.github.bucket4j.BucketExceptions;

/**
 * The password check behind every staff login (HTTP Basic and the login form): asks
 * {@link LoginAttempts} first and refuses a login that must wait without checking its
 * password; counts a wrong password against the account and the client address. Unknown
 * user names are counted and locked like known ones, so the answers do not tell them
 * apart.
 */
final class ThrottledPasswordCheck implements AuthenticationProvider {

	private final AuthenticationProvider passwords;

	private final LoginAttempts attempts;

	ThrottledPasswordCheck(AuthenticationProvider passwords, LoginAttempts attempts) {
		this.passwords = passwords;
		this.attempts = attempts;
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		String username = authentication.getName();
		String address = (authentication.getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		LoginAttempts.Check check = unlessUnavailable(() -> this.attempts.check(username, address));
		if (!check.mayGoOn()) {
			throw new TooManyLoginFailures(check.retryAfter());
		}
		Authentication result;
		try {
			result = this.passwords.authenticate(authentication);
		}
		catch (BadCredentialsException ex) {
			unlessUnavailable(() -> {
				this.attempts.failed(username, address);
				return null;
			});
			throw ex;
		}
		if (check.accountFailedLately() && result != null && result.isAuthenticated()) {
			unlessUnavailable(() -> {
				this.attempts.succeeded(username);
				return null;
			});
		}
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.passwords.supports(authentication);
	}

	/**
	 * The failed logins are in the database: when it does not answer, the login cannot be
	 * judged, and the caller is told to come back (503), not refused.
	 */
	private static <T> T unlessUnavailable(java.util.function.Supplier<T> action) {
		try {
			return action.get();
		}
		catch (BucketExceptions.BucketExecutionException | DataAccessException | TransactionException ex) {
			throw new InternalAuthenticationServiceException("Failed logins cannot be read now", ex);
		}
	}

}
