package io.motcua.app.documents;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

interface DocumentRepository extends ListCrudRepository<Document, Long> {

	List<Document> findByDossierCodeOrderByIdAsc(String dossierCode);

	Optional<Document> findByIdAndDossierCode(Long id, String dossierCode);

	Optional<Document> findFirstByDossierCodeAndDocumentTypeOrderByIdDesc(String dossierCode, String documentType);

	boolean existsBySha256(String sha256);

	Optional<Document> findByDossierCodeAndDocumentTypeAndIssuedFor(String dossierCode, String documentType,
			String issuedFor);

	@Query("select coalesce(sum(d.size), 0) from Document d where d.dossierCode = :dossierCode and d.kind in :kinds")
	long totalSize(String dossierCode, List<DocumentKind> kinds);

}
