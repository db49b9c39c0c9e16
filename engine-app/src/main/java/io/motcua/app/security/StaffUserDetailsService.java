package io.motcua.app.security;

import java.util.HashSet;
import java.util.Set;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads staff for authentication, computing the units each may see once per login.
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffRepository staff;

	private final UnitRepository units;

	StaffUserDetailsService(StaffRepository staff, UnitRepository units) {
		this.staff = staff;
		this.units = units;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		Staff member = this.staff.findByUsername(username)
			.orElseThrow(() -> new UsernameNotFoundException("No staff named " + username));
		Set<String> visible = new HashSet<>(this.units.findCodesUnder(member.unit().path()));
		Caller caller = new Caller(member.username(), member.fullName(), member.unit().code(), member.roles(), visible);
		return new StaffPrincipal(caller, member.passwordHash(), member.enabled());
	}

}
