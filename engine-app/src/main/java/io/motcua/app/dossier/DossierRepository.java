package io.motcua.app.dossier;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.CrudRepository;

interface DossierRepository extends CrudRepository<Dossier, Long>, JpaSpecificationExecutor<Dossier> {

	Optional<Dossier> findByCode(String code);

	@Query("select d.code from Dossier d where d.completedAt is null order by d.id")
	List<String> findCodesByCompletedAtIsNull();

}
