package io.motcua.app.security;

import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Start-up checks of the staff table: creates the bootstrap administrator of a fresh
 * production database, and refuses to start (where configured) while anyone still has the
 * demo password.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class StaffStartupChecks implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(StaffStartupChecks.class);

	private final SecurityProperties properties;

	private final StaffRepository staff;

	private final UnitRepository units;

	private final PasswordEncoder passwordEncoder;

	StaffStartupChecks(SecurityProperties properties, StaffRepository staff, UnitRepository units,
			PasswordEncoder passwordEncoder) {
		this.properties = properties;
		this.staff = staff;
		this.units = units;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		bootstrapAdministrator();
		if (this.properties.refuseDemoPasswords()) {
			List<String> withDemoPassword = this.staff.findAll()
				.stream()
				.filter((member) -> this.passwordEncoder.matches(DemoOrganisation.DEMO_PASSWORD, member.passwordHash()))
				.map(Staff::username)
				.toList();
			if (!withDemoPassword.isEmpty()) {
				throw new IllegalStateException("Refusing to start: staff " + withDemoPassword
						+ " still have the demo password; change their passwords or start without the postgres profile");
			}
		}
	}

	private void bootstrapAdministrator() {
		String password = this.properties.bootstrapAdminPassword();
		if (password == null || password.isBlank() || this.staff.count() > 0) {
			return;
		}
		Unit root = this.units.findByCode(this.properties.bootstrapUnitCode())
			.orElseGet(() -> this.units.save(new Unit(this.properties.bootstrapUnitCode(),
					this.properties.bootstrapUnitName(), UnitType.PROVINCE, null)));
		this.staff.save(new Staff("admin", "Administrator", this.passwordEncoder.encode(password), root,
				EnumSet.of(Role.ADMIN)));
		log.info("Created the bootstrap administrator 'admin' in unit {}", root.code());
	}

}
