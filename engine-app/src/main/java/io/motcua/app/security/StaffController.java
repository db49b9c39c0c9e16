package io.motcua.app.security;

import java.net.URI;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.security.StaffDirectory.StaffView;
import io.motcua.app.security.StaffDirectory.UnitView;

/**
 * Units and staff: every member of staff reads the units they see; administrators add
 * units below their own and manage staff.
 */
@RestController
@RequestMapping("/api/v1")
class StaffController {

	private final StaffDirectory directory;

	private final StaffAdministration administration;

	StaffController(StaffDirectory directory, StaffAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@GetMapping("/units")
	List<UnitView> units() {
		return this.directory.visibleUnits();
	}

	@GetMapping("/units/{code}")
	UnitView unit(@PathVariable String code) {
		return this.directory.visibleUnit(code);
	}

	@PostMapping("/units")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<UnitView> addUnit(@Valid @RequestBody NewUnit request) {
		UnitView added = this.administration.addUnit(request.code(), request.name(), request.type(),
				request.parentCode());
		return ResponseEntity.created(URI.create("/api/v1/units/" + added.code())).body(added);
	}

	@GetMapping("/staff")
	@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR')")
	List<StaffView> staff(@RequestParam String unit) {
		return this.directory.staffOf(unit);
	}

	@PostMapping("/staff")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<StaffView> add(@Valid @RequestBody NewStaff request) {
		StaffView added = this.administration.add(request.username(), request.fullName(), request.unitCode(),
				request.roles(), request.password());
		return ResponseEntity.created(URI.create("/api/v1/staff/" + added.username())).body(added);
	}

	@PatchMapping("/staff/{username}")
	@PreAuthorize("hasRole('ADMIN')")
	StaffView update(@PathVariable String username, @Valid @RequestBody StaffChange request) {
		return this.administration.update(username, request.fullName(), request.roles(), request.enabled());
	}

	@PostMapping("/staff/{username}/password")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> password(@PathVariable String username, @Valid @RequestBody NewPassword request) {
		this.administration.resetPassword(username, request.password());
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new unit.
	 *
	 * @param code short code, upper-case letters, digits, dots, dashes and underscores:
	 * it starts the unit's dossier codes and names its seal's key store
	 * @param name official name
	 * @param type level, below the parent's (province → department → commune)
	 * @param parentCode the unit it belongs to
	 */
	record NewUnit(@NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9._-]{1,39}") String code,
			@NotBlank @Size(max = 200) String name, @NotNull UnitType type, @NotBlank String parentCode) {
	}

	/**
	 * Ends the lock of an account after failed logins (and forgets those failures), on
	 * every node at once.
	 */
	@PostMapping("/staff/{username}/unlock")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> unlock(@PathVariable String username) {
		this.administration.unlock(username);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A new member of staff.
	 *
	 * @param username login name: lower-case letters, digits, dots and dashes
	 * @param fullName display name
	 * @param unitCode the unit
	 * @param roles roles there
	 * @param password initial password (at least 8 characters)
	 */
	record NewStaff(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,59}") String username,
			@NotBlank @Size(max = 120) String fullName, @NotBlank String unitCode, @NotEmpty Set<Role> roles,
			@NotBlank String password) {
	}

	/**
	 * A change of a member of staff.
	 *
	 * @param fullName new display name, or null to keep it
	 * @param roles the roles
	 * @param enabled whether the account may log in
	 */
	record StaffChange(@Size(max = 120) String fullName, @NotEmpty Set<Role> roles, @NotNull Boolean enabled) {
	}

	/**
	 * A new password.
	 *
	 * @param password at least 8 characters
	 */
	record NewPassword(@NotBlank String password) {
	}

}
