package io.motcua.app.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface StaffRepository extends JpaRepository<Staff, Long> {

	Optional<Staff> findByUsername(String username);

	List<Staff> findAll();

}
