package io.motcua.app.security;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;

/**
 * The public face of the security feature: who is calling, which units exist, and which
 * unit processes a dossier received at a given unit.
 */
@Service
public class StaffDirectory {

	/** Actor recorded for changes made by the engine itself (timers, jobs). */
	public static final String SYSTEM_ACTOR = "system";

	private final UnitRepository units;

	private final StaffRepository staff;

	private final LoginAttempts attempts;

	StaffDirectory(UnitRepository units, StaffRepository staff, LoginAttempts attempts) {
		this.units = units;
		this.staff = staff;
		this.attempts = attempts;
	}

	/**
	 * The authenticated caller.
	 * @throws ProblemException 401 when nobody is authenticated
	 */
	public Caller currentCaller() {
		return currentCallerIfAny()
			.orElseThrow(() -> new ProblemException(ProblemKind.UNAUTHORIZED, "Authentication required"));
	}

	/** The authenticated caller, or empty in engine jobs and anonymous requests. */
	public Optional<Caller> currentCallerIfAny() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			return Optional.of(principal.caller());
		}
		if (authentication instanceof MachineClientAuthentication machine && machine.client() != null) {
			return Optional.of(machine.client().asCaller());
		}
		return Optional.empty();
	}

	/** The machine client making the request, empty for staff and outside requests. */
	public Optional<MachineClient> currentClient() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof MachineClientAuthentication machine) {
			return Optional.ofNullable(machine.client());
		}
		return Optional.empty();
	}

	/** Username of the caller, or {@link #SYSTEM_ACTOR} outside a request. */
	public String currentActor() {
		return currentCallerIfAny().map(Caller::username).orElse(SYSTEM_ACTOR);
	}

	/** The full name of a member of staff, whoever asks (letters name who received). */
	@Transactional(readOnly = true)
	public Optional<String> fullName(String username) {
		return this.staff.findByUsername(username).map(Staff::fullName);
	}

	/** A unit's name as letters and signatures print it; its code when it is unknown. */
	@Transactional(readOnly = true)
	public String unitName(String code) {
		return unit(code).map(UnitView::name).orElse(code);
	}

	/** A unit by code. */
	@Transactional(readOnly = true)
	public Optional<UnitView> unit(String code) {
		return this.units.findByCode(code).map(UnitView::of);
	}

	/**
	 * The unit that processes a dossier received at {@code receivingUnitCode} for a
	 * procedure handled at level {@code type}: the receiving unit itself if it has that
	 * level, otherwise its nearest ancestor that has.
	 * @throws ProblemException 422 when no unit of that level is above the receiving unit
	 */
	@Transactional(readOnly = true)
	public String processingUnitFor(String receivingUnitCode, UnitType type) {
		Unit unit = this.units.findByCode(receivingUnitCode)
			.orElseThrow(() -> ProblemException.notFound("Unknown unit " + receivingUnitCode));
		for (Unit candidate = unit; candidate != null; candidate = candidate.parent()) {
			if (candidate.type() == type) {
				return candidate.code();
			}
		}
		throw ProblemException.invalid("procedureCode",
				"Unit " + receivingUnitCode + " has no " + type + " above it to process this procedure");
	}

	/** The units the caller may see, by their place in the tree. */
	@Transactional(readOnly = true)
	public List<UnitView> visibleUnits() {
		Caller caller = currentCaller();
		List<UnitView> visible = new java.util.ArrayList<>();
		this.units.findAll().forEach((unit) -> {
			if (sees(caller, unit)) {
				visible.add(UnitView.of(unit));
			}
		});
		visible.sort(java.util.Comparator.comparing(UnitView::code));
		return visible;
	}

	/**
	 * A unit the caller may see.
	 * @throws ProblemException 404 for a unit outside the caller's units
	 */
	@Transactional(readOnly = true)
	public UnitView visibleUnit(String code) {
		Caller caller = currentCaller();
		return this.units.findByCode(code)
			.filter((unit) -> sees(caller, unit))
			.map(UnitView::of)
			.orElseThrow(() -> ProblemException.notFound("No unit " + code));
	}

	// A login remembers the units below its holder as they were at sign-in;
	// the tree in the database also shows a unit added since, on any node.
	private static boolean sees(Caller caller, Unit unit) {
		return caller.sees(unit.code()) || (caller.unitCode() != null && unit.isWithin(caller.unitCode()));
	}

	/** The staff of a unit the caller may see. */
	@Transactional(readOnly = true)
	public List<StaffView> staffOf(String unitCode) {
		if (!currentCaller().sees(unitCode)) {
			throw ProblemException.notFound("No unit " + unitCode);
		}
		List<Staff> members = this.staff.findByUnitCode(unitCode);
		java.util.Map<String, java.time.Instant> locked = this.attempts
			.lockedUntil(members.stream().map(Staff::username).toList());
		return members.stream()
			.map((member) -> new StaffView(member.username(), member.fullName(), unitCode,
					java.util.Set.copyOf(member.roles()), member.enabled(), locked.get(member.username())))
			.toList();
	}

	/**
	 * A member of staff of a unit the caller may see; empty for an unknown member or one
	 * the caller may not see.
	 */
	@Transactional(readOnly = true)
	public Optional<StaffView> visibleMember(String username) {
		Caller caller = currentCaller();
		return this.staff.findByUsername(username)
			.filter((member) -> caller.sees(member.unit().code()))
			.map((member) -> new StaffView(member.username(), member.fullName(), member.unit().code(),
					java.util.Set.copyOf(member.roles()), member.enabled(),
					this.attempts.lockedUntil(List.of(member.username())).get(member.username())));
	}

	/** Usernames of the staff who hold {@code role} in unit {@code unitCode}. */
	@Transactional(readOnly = true)
	public List<String> staffWithRole(String unitCode, Role role) {
		return this.staff.findUsernamesByUnitCodeAndRole(unitCode, role);
	}

	/**
	 * A member of staff as administrators see them (never the password hash).
	 *
	 * @param username login name
	 * @param fullName display name
	 * @param unitCode the unit
	 * @param roles roles in that unit
	 * @param enabled whether the account may log in
	 * @param lockedUntil until when the account is locked after failed logins; null when
	 * it is not
	 */
	public record StaffView(String username, String fullName, String unitCode, java.util.Set<Role> roles,
			boolean enabled, java.time.Instant lockedUntil) {
	}

	/**
	 * A unit as other features see it.
	 *
	 * @param code unit code
	 * @param name display name
	 * @param type level
	 * @param parentCode code of the parent, null for the root
	 */
	public record UnitView(String code, String name, UnitType type, String parentCode) {

		static UnitView of(Unit unit) {
			return new UnitView(unit.code(), unit.name(), unit.type(),
					(unit.parent() != null) ? unit.parent().code() : null);
		}

	}

}
