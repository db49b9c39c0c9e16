package io.motcua.app.supervision;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.CrudRepository;

interface InboxEntryRepository extends CrudRepository<InboxEntry, Long> {

	Page<InboxEntry> findByRecipientOrderByCreatedAtDescIdDesc(String recipient, Pageable pageable);

	Optional<InboxEntry> findByIdAndRecipient(Long id, String recipient);

	boolean existsByRecipientAndDossierCodeAndKindAndMessage(String recipient, String dossierCode, String kind,
			String message);

}
