package io.motcua.app.workflow;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.CrudRepository;

interface TaskRecordRepository extends CrudRepository<TaskRecord, String> {

	@Query("""
			select t from TaskRecord t
			where t.completedAt is null and t.dossierCode = :dossierCode
			  and (t.assignee = :username or (t.assignee is null and t.candidateGroup in :groups))
			order by t.createdAt""")
	Page<TaskRecord> findWorklistOfDossier(String username, Collection<String> groups, String dossierCode,
			Pageable pageable);

	/**
	 * Open steps someone holds, earliest deadline first (none last): on PostgreSQL a
	 * range of the partial index of open held steps, read until the limit.
	 */
	@Query("""
			select t from TaskRecord t where t.assignee = :username and t.completedAt is null
			order by t.dueAt asc nulls last, t.createdAt""")
	List<TaskRecord> findOpenHeldBy(String username, Limit limit);

	/**
	 * Unclaimed open steps of a group, earliest deadline first (none last): a range of
	 * the partial index of unclaimed open steps.
	 */
	@Query("""
			select t from TaskRecord t where t.candidateGroup = :group and t.assignee is null and t.completedAt is null
			order by t.dueAt asc nulls last, t.createdAt""")
	List<TaskRecord> findOpenUnclaimed(String group, Limit limit);

	/**
	 * How many open steps someone holds, counted up to {@code upTo} at most: a range of
	 * the partial index of open held steps, read no further.
	 */
	@Query(value = """
			select count(*) from (select 1 from dossier_task
			  where assignee = :username and completed_at is null limit :upTo) held""", nativeQuery = true)
	long countOpenHeldUpTo(String username, int upTo);

	/**
	 * How many unclaimed open steps a group has, counted up to {@code upTo} at most: a
	 * range of the partial index of unclaimed open steps, read no further.
	 */
	@Query(value = """
			select count(*) from (select 1 from dossier_task
			  where candidate_group = :group and assignee is null and completed_at is null limit :upTo) unclaimed""",
			nativeQuery = true)
	long countOpenUnclaimedUpTo(String group, int upTo);

	List<TaskRecord> findByDossierCodeOrderByCreatedAt(String dossierCode);

	List<TaskRecord> findByDossierCodeAndCompletedAtIsNull(String dossierCode);

	List<TaskRecord> findByDossierCodeInAndCompletedAtIsNull(Collection<String> dossierCodes);

}
