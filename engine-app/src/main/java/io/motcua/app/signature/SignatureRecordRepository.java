package io.motcua.app.signature;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface SignatureRecordRepository extends CrudRepository<SignatureRecord, Long> {

	List<SignatureRecord> findByDossierCodeOrderById(String dossierCode);

	List<SignatureRecord> findByDossierCodeAndVoidedAtIsNullOrderById(String dossierCode);

	boolean existsByDossierCodeAndRoleAndVoidedAtIsNull(String dossierCode, String role);

}
