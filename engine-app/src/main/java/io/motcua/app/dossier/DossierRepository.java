package io.motcua.app.dossier;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.CrudRepository;

interface DossierRepository extends CrudRepository<Dossier, Long>, JpaSpecificationExecutor<Dossier> {

	Optional<Dossier> findByCode(String code);

	Optional<Dossier> findByPortalCode(String portalCode);

}
