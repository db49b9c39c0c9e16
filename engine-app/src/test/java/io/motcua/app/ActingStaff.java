package io.motcua.app;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Acts as a member of the demo organisation in tests that call services directly.
 */
public final class ActingStaff {

	private ActingStaff() {
	}

	/** Authenticates the current thread as {@code username}. */
	public static void actAs(UserDetailsService users, String username) {
		UserDetails user = users.loadUserByUsername(username);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

	/** Back to nobody. */
	public static void leave() {
		SecurityContextHolder.clearContext();
	}

}
