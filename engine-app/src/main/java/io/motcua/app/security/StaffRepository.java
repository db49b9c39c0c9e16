package io.motcua.app.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StaffRepository extends JpaRepository<Staff, Long> {

	Optional<Staff> findByUsername(String username);

	/**
	 * The version of a member of staff (raised by every change), read on every use of a
	 * remembered login (unique index on {@code username}).
	 */
	@Query("select s.version from Staff s where s.username = :username")
	Optional<Long> findVersionByUsername(String username);

	List<Staff> findAll();

	/** Staff of one unit, by user name (indexed by {@code staff_unit_idx}). */
	@Query("select s from Staff s where s.unit.code = :unitCode order by s.username")
	List<Staff> findByUnitCode(String unitCode);

	/** User names of the staff holding a role in one unit. */
	@Query("select s.username from Staff s join s.roles r where s.unit.code = :unitCode and r = :role order by s.username")
	List<String> findUsernamesByUnitCodeAndRole(String unitCode, Role role);

}
