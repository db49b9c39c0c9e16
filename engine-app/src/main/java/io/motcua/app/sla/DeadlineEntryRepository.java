package io.motcua.app.sla;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

interface DeadlineEntryRepository extends CrudRepository<DeadlineEntry, Long> {

	List<DeadlineEntry> findByDossierCodeOrderById(String dossierCode);

	List<DeadlineEntry> findByDossierCodeInOrderById(Collection<String> dossierCodes);

}
