package io.motcua.app.security;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface StaffRepository extends CrudRepository<Staff, Long> {

	Optional<Staff> findByUsername(String username);

	List<Staff> findAll();

}
