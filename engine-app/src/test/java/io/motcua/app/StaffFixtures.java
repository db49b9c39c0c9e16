package io.motcua.app;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * Adds staff beyond the demo organisation for tests that need two people of one role.
 */
final class StaffFixtures {

	private StaffFixtures() {
	}

	/**
	 * Adds (once) a member of staff with password {@code demo} and answers the user name.
	 */
	static String addStaff(JdbcTemplate jdbc, String username, String unitCode, String role) {
		Integer existing = jdbc.queryForObject("select count(*) from staff where username = ?", Integer.class,
				username);
		if (existing == 0) {
			String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("demo");
			jdbc.update(
					"insert into staff (username, full_name, password_hash, unit_id, enabled, version) "
							+ "select ?, ?, ?, id, true, 0 from org_unit where code = ?",
					username, "Test " + username, hash, unitCode);
			jdbc.update("insert into staff_role (staff_id, role) select id, ? from staff where username = ?", role,
					username);
		}
		return username;
	}

}
