package io.motcua.app.security;

import java.io.Serializable;
import java.util.Set;

/**
 * The authenticated member of staff making a request, with the scope its reads and writes
 * are limited to.
 *
 * @param username login name
 * @param fullName display name
 * @param unitCode the unit the caller belongs to
 * @param roles the caller's roles in that unit
 * @param visibleUnits the caller's unit and every unit below it
 */
// Serializable: the logged-in member of staff is part of the web session, which the
// database keeps for every node
public record Caller(String username, String fullName, String unitCode, Set<Role> roles,
		Set<String> visibleUnits) implements Serializable {

	public Caller {
		roles = Set.copyOf(roles);
		visibleUnits = Set.copyOf(visibleUnits);
	}

	public boolean has(Role role) {
		return this.roles.contains(role);
	}

	public boolean sees(String unitCode) {
		return this.visibleUnits.contains(unitCode);
	}

	/** Candidate groups this caller belongs to: its roles in its own unit. */
	public Set<String> candidateGroups() {
		return this.roles.stream()
			.map((role) -> role.groupIn(this.unitCode))
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

}
