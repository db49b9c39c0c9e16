package io.motcua.app.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaRepository;

interface UnitRepository extends JpaRepository<Unit, Long> {

	Optional<Unit> findByCode(String code);

	@Query("select u.code from Unit u where u.path like concat(:path, '%')")
	List<String> findCodesUnder(String path);

}
