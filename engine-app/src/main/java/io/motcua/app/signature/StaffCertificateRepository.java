package io.motcua.app.signature;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.CrudRepository;

interface StaffCertificateRepository extends CrudRepository<StaffCertificate, Long> {

	List<StaffCertificate> findByUsernameOrderById(String username);

	Optional<StaffCertificate> findBySha256(String sha256);

}
