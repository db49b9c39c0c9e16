package io.motcua.app.security;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.audit.AuditChain;
import io.motcua.app.audit.AuditFact;
import io.motcua.app.audit.AuditKind;
import io.motcua.app.audit.AuditTrail;
import io.motcua.app.security.StaffDirectory.StaffView;
import io.motcua.app.security.StaffDirectory.UnitView;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * Administrators manage the units and staff they oversee: add units below their own, add
 * members with roles and a password, change their roles, disable them, reset passwords,
 * unlock an account locked after failed logins. A change of password, roles or access
 * ends the member's web sessions on every node ({@link StaffAccessChanged}, after commit)
 * and their remembered logins at the next request (the staff version moved, see
 * {@link CredentialCache}). Every change to units and staff is chained in the audit trail
 * ({@link AuditChain#STAFF}) with the command.
 */
@Service
public class StaffAdministration {

	private static final Logger log = LoggerFactory.getLogger(StaffAdministration.class);

	private static final int MIN_PASSWORD_LENGTH = 8;

	private final StaffRepository staff;

	private final UnitRepository units;

	private final StaffDirectory directory;

	private final PasswordEncoder passwordEncoder;

	private final LoginAttempts attempts;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final Clock clock;

	StaffAdministration(StaffRepository staff, UnitRepository units, StaffDirectory directory,
			PasswordEncoder passwordEncoder, LoginAttempts attempts, ApplicationEventPublisher events, AuditTrail audit,
			Clock clock) {
		this.staff = staff;
		this.units = units;
		this.directory = directory;
		this.passwordEncoder = passwordEncoder;
		this.attempts = attempts;
		this.events = events;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Adds a unit below one the administrator oversees: how a fresh installation, which
	 * has only its bootstrap unit, gets its departments and communes.
	 * @throws ProblemException 403 for a caller who is not ADMIN, 404 for a parent it may
	 * not see, 409 for a code already taken, 422 for a level that is not below the
	 * parent's (province → department → commune)
	 */
	@Transactional
	public UnitView addUnit(String code, String name, UnitType type, String parentCode) {
		Caller admin = administrator();
		Unit parent = this.units.findByCode(parentCode)
			.filter((unit) -> unit.isWithin(admin.unitCode()))
			.orElseThrow(() -> ProblemException.notFound("No unit " + parentCode));
		if (!parent.mayHold(type)) {
			throw ProblemException.invalid("type",
					"a " + type + " cannot be placed under the " + parent.type() + " " + parentCode);
		}
		if (this.units.findByCode(code).isPresent()) {
			throw ProblemException.conflict("Unit code " + code + " is taken");
		}
		try {
			this.units.save(new Unit(code, name, type, parent));
			this.units.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw ProblemException.conflict("Unit code " + code + " is taken");
		}
		chain(admin.username(), code, "unit added: " + type + " under " + parentCode);
		// Remembered logins still carry the units seen at sign-in: a new
		// unit reaches them at their next sign-in or when the cache expires.
		log.info("{} added unit {} ({}) under {}", admin.username(), code, type, parentCode);
		return UnitView.of(this.units.findByCode(code).orElseThrow());
	}

	/**
	 * Adds a member of staff to a unit the administrator oversees.
	 * @throws ProblemException 403 for a caller who is not ADMIN, 404 for a unit it may
	 * not see, 409 for a user name already taken, 422 for a weak password or no role
	 */
	@Transactional
	public StaffView add(String username, String fullName, String unitCode, Set<Role> roles, String password) {
		Caller admin = administrator();
		Unit unit = this.units.findByCode(unitCode)
			.filter((candidate) -> candidate.isWithin(admin.unitCode()))
			.orElseThrow(() -> ProblemException.notFound("No unit " + unitCode));
		checkRoles(roles);
		checkPassword(password);
		if (this.staff.findByUsername(username).isPresent()) {
			throw ProblemException.conflict("User name " + username + " is taken");
		}
		try {
			this.staff.save(new Staff(username, fullName, this.passwordEncoder.encode(password), unit, roles));
			this.staff.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw ProblemException.conflict("User name " + username + " is taken");
		}
		log.info("{} added staff {} to unit {} with roles {}", admin.username(), username, unitCode, roles);
		chain(admin.username(), username, "added to unit " + unitCode + " with roles " + new TreeSet<>(roles));
		return view(this.staff.findByUsername(username).orElseThrow());
	}

	/**
	 * Changes a member's name, roles and access.
	 * @throws ProblemException 404 for a member outside the administrator's units
	 */
	@Transactional
	public StaffView update(String username, String fullName, Set<Role> roles, boolean enabled) {
		Staff member = managed(username);
		checkRoles(roles);
		String before = "roles " + new TreeSet<>(member.roles()) + ", enabled " + member.enabled();
		boolean accessChanged = !member.roles().equals(Set.copyOf(roles)) || member.enabled() != enabled;
		member.update((fullName != null && !fullName.isBlank()) ? fullName : member.fullName(), roles, enabled);
		chain(this.directory.currentActor(), username,
				before + " → roles " + new TreeSet<>(roles) + ", enabled " + enabled);
		if (accessChanged) {
			accessChanged(username);
		}
		log.info("{} changed staff {}: roles {}, enabled {}", this.directory.currentActor(), username, roles, enabled);
		return view(member);
	}

	/**
	 * Sets a new password for a member.
	 * @throws ProblemException 404 for a member outside the administrator's units, 422
	 * for a weak password
	 */
	@Transactional
	public void resetPassword(String username, String password) {
		Staff member = managed(username);
		checkPassword(password);
		member.changePassword(this.passwordEncoder.encode(password));
		chain(this.directory.currentActor(), username, "password reset");
		accessChanged(username);
		log.info("{} reset the password of {}", this.directory.currentActor(), username);
	}

	/**
	 * Ends the lock of an account after failed logins, and forgets those failures: the
	 * member may log in again at once, on every node.
	 * @throws ProblemException 404 for a member outside the administrator's units
	 */
	@Transactional
	public void unlock(String username) {
		Caller admin = administrator();
		this.staff.findByUsername(username)
			.filter((member) -> member.unit().isWithin(admin.unitCode()))
			.orElseThrow(() -> ProblemException.notFound("No staff " + username));
		this.attempts.unlock(username, admin.username());
		chain(admin.username(), username, "login unlocked");
	}

	private void chain(String actor, String username, String change) {
		this.audit.append(AuditChain.STAFF,
				new AuditFact(AuditKind.STAFF_CHANGE, this.clock.instant(), actor, username, change, null));
	}

	private Staff managed(String username) {
		Caller admin = administrator();
		return this.staff.findByUsername(username)
			.filter((member) -> member.unit().isWithin(admin.unitCode()))
			.orElseThrow(() -> ProblemException.notFound("No staff " + username));
	}

	private Caller administrator() {
		Caller caller = this.directory.currentCaller();
		if (!caller.has(Role.ADMIN)) {
			throw ProblemException.forbidden("Only an administrator manages staff");
		}
		return caller;
	}

	private void accessChanged(String username) {
		this.events.publishEvent(new StaffAccessChanged(username, this.directory.currentActor(), this.clock.instant()));
	}

	private static void checkRoles(Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw ProblemException.invalid("roles", "at least one role is required");
		}
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < MIN_PASSWORD_LENGTH
				|| password.equals(DemoOrganisation.DEMO_PASSWORD)) {
			throw ProblemException.invalid("The password is too weak",
					List.of(new FieldError("password", "must have at least " + MIN_PASSWORD_LENGTH + " characters")));
		}
	}

	private StaffView view(Staff member) {
		return new StaffView(member.username(), member.fullName(), member.unit().code(), member.roles(),
				member.enabled(), this.attempts.lockedUntil(List.of(member.username())).get(member.username()));
	}

}
