package io.motcua.app.security;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo province with two communes and their staff (password {@code demo}) into
 * an empty database, and prints the URL and logins once the application is ready. Only on
 * the default profile: the {@code postgres} profile refuses demo passwords.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@ConditionalOnProperty(name = "motcua.demo.enabled", havingValue = "true")
class DemoOrganisation implements ApplicationRunner {

	static final String DEMO_PASSWORD = "demo";

	/** The demo tree: a province and two of its communes. */
	static final String PROVINCE = "DNAI";

	static final String FIRST_COMMUNE = "TRANBIEN";

	static final String SECOND_COMMUNE = "LONGTHANH";

	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private final UnitRepository units;

	private final StaffRepository staff;

	private final PasswordEncoder passwordEncoder;

	private final Environment environment;

	DemoOrganisation(UnitRepository units, StaffRepository staff, PasswordEncoder passwordEncoder,
			Environment environment) {
		this.units = units;
		this.staff = staff;
		this.passwordEncoder = passwordEncoder;
		this.environment = environment;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.units.count() > 0) {
			return;
		}
		Unit province = this.units.save(new Unit(PROVINCE, "Tỉnh Đồng Nai", UnitType.PROVINCE, null));
		Unit first = this.units.save(new Unit(FIRST_COMMUNE, "Phường Trấn Biên", UnitType.COMMUNE, province));
		Unit second = this.units.save(new Unit(SECOND_COMMUNE, "Xã Long Thành", UnitType.COMMUNE, province));
		String hash = this.passwordEncoder.encode(DEMO_PASSWORD);
		demoStaff(first, second).forEach((username, member) -> this.staff
			.save(new Staff(username, member.fullName(), hash, member.unit(), member.roles())));
		log.info("Seeded the demo organisation: {} with communes {} and {}", PROVINCE, FIRST_COMMUNE, SECOND_COMMUNE);
	}

	@EventListener(ApplicationReadyEvent.class)
	void printLogins() {
		String port = this.environment.getProperty("local.server.port", "8080");
		log.info("""

				  Motcua is running at http://localhost:{}/  (API under /api/v1, OpenAPI at /v3/api-docs)
				  Demo logins, password '{}':
				    {}: clerk, specialist, approver, supervisor, admin
				    {}: clerk2, specialist2, approver2
				""", port, DEMO_PASSWORD, FIRST_COMMUNE, SECOND_COMMUNE);
	}

	private static Map<String, DemoMember> demoStaff(Unit first, Unit second) {
		Map<String, DemoMember> members = new LinkedHashMap<>();
		members.put("clerk", new DemoMember("Nguyễn Thị Lan", first, EnumSet.of(Role.CLERK)));
		members.put("specialist", new DemoMember("Trần Văn Minh", first, EnumSet.of(Role.SPECIALIST)));
		members.put("approver", new DemoMember("Lê Hoàng Nam", first, EnumSet.of(Role.APPROVER)));
		members.put("supervisor", new DemoMember("Phạm Thu Hà", first, EnumSet.of(Role.SUPERVISOR)));
		members.put("admin", new DemoMember("Quản trị hệ thống", first, EnumSet.of(Role.ADMIN)));
		members.put("clerk2", new DemoMember("Võ Thị Hồng", second, EnumSet.of(Role.CLERK)));
		members.put("specialist2", new DemoMember("Đặng Quốc Bảo", second, EnumSet.of(Role.SPECIALIST)));
		members.put("approver2", new DemoMember("Bùi Văn Tùng", second, EnumSet.of(Role.APPROVER)));
		return members;
	}

	private record DemoMember(String fullName, Unit unit, Set<Role> roles) {
	}

}
