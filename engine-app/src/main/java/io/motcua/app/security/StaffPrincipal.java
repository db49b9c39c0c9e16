package io.motcua.app.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * Spring Security's view of a member of staff; carries the {@link Caller} so that scoping
 * needs no further query during the request.
 */
final class StaffPrincipal implements UserDetails {

	private final Caller caller;

	private final String passwordHash;

	private final boolean enabled;

	StaffPrincipal(Caller caller, String passwordHash, boolean enabled) {
		this.caller = caller;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
	}

	Caller caller() {
		return this.caller;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		List<SimpleGrantedAuthority> authorities = this.caller.roles()
			.stream()
			.map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name()))
			.toList();
		return authorities;
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.caller.username();
	}

	@Override
	public boolean isEnabled() {
		return this.enabled;
	}

}
