package io.motcua.app.security;

import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member of staff: belongs to one unit and holds one or more roles there. The password
 * is kept only as a hash.
 */
@Entity
@Table(name = "staff")
class Staff {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 60)
	private String username;

	@Column(name = "full_name", nullable = false, length = 120)
	private String fullName;

	@Column(name = "password_hash", nullable = false, length = 200)
	private String passwordHash;

	@ManyToOne(optional = false, fetch = FetchType.EAGER)
	@JoinColumn(name = "unit_id")
	private Unit unit;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "staff_role", joinColumns = @JoinColumn(name = "staff_id"))
	@Enumerated(EnumType.STRING)
	@Column(name = "role", length = 20)
	private Set<Role> roles = EnumSet.noneOf(Role.class);

	@Column(nullable = false)
	private boolean enabled = true;

	@Version
	private long version;

	protected Staff() {
	}

	Staff(String username, String fullName, String passwordHash, Unit unit, Set<Role> roles) {
		this.username = username;
		this.fullName = fullName;
		this.passwordHash = passwordHash;
		this.unit = unit;
		this.roles = EnumSet.copyOf(roles);
	}

	/** An administrator changes the name, roles or access of this member of staff. */
	void update(String fullName, Set<Role> roles, boolean enabled) {
		if (roles.isEmpty()) {
			throw new IllegalArgumentException("A member of staff needs at least one role");
		}
		this.fullName = fullName;
		this.roles = EnumSet.copyOf(roles);
		this.enabled = enabled;
	}

	/** Sets a new password, given as a hash. */
	void changePassword(String passwordHash) {
		this.passwordHash = passwordHash;
	}

	String username() {
		return this.username;
	}

	String fullName() {
		return this.fullName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	Unit unit() {
		return this.unit;
	}

	Set<Role> roles() {
		return Set.copyOf(this.roles);
	}

	boolean enabled() {
		return this.enabled;
	}

}
