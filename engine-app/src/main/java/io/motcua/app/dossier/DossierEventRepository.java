package io.motcua.app.dossier;

import java.util.List;

import org.springframework.data.repository.CrudRepository;

interface DossierEventRepository extends CrudRepository<DossierEvent, Long> {

	List<DossierEvent> findByDossierOrderByAtAscIdAsc(Dossier dossier);

}
