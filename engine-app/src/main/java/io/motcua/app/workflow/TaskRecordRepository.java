package io.motcua.app.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

interface TaskRecordRepository extends CrudRepository<TaskRecord, String> {

	/**
	 * Locks the row so that two people completing the same task are served one after the
	 * other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select t from TaskRecord t where t.taskId = :taskId")
	Optional<TaskRecord> findForUpdate(String taskId);

	@Query("""
			select t from TaskRecord t
			where t.completedAt is null and (t.assignee = :username or (t.assignee is null and t.candidateGroup in :groups))
			order by t.dueAt asc nulls last, t.createdAt""")
	Page<TaskRecord> findWorklist(String username, Collection<String> groups, Pageable pageable);

	@Query("""
			select t from TaskRecord t
			where t.completedAt is null and t.dossierCode = :dossierCode
			  and (t.assignee = :username or (t.assignee is null and t.candidateGroup in :groups))
			order by t.createdAt""")
	Page<TaskRecord> findWorklistOfDossier(String username, Collection<String> groups, String dossierCode,
			Pageable pageable);

	List<TaskRecord> findByDossierCodeOrderByCreatedAt(String dossierCode);

	List<TaskRecord> findByDossierCodeAndCompletedAtIsNull(String dossierCode);

}
