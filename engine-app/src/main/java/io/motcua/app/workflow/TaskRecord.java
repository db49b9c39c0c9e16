package io.motcua.app.workflow;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Our projection of one user task, kept by task listeners in the engine's transaction:
 * worklists and supervision read this table (indexed by unit, role, assignee and due
 * date) instead of Camunda's task queries. Completed tasks stay, so the per-step record
 * survives the engine's history clean-up.
 */
@Entity
@Table(name = "dossier_task")
class TaskRecord {

	@Id
	@Column(name = "task_id", length = 64)
	private String taskId;

	@Column(name = "dossier_code", nullable = false, length = 60)
	private String dossierCode;

	@Column(name = "process_instance_id", nullable = false, length = 64)
	private String processInstanceId;

	@Column(name = "task_key", nullable = false, length = 100)
	private String taskKey;

	@Column(nullable = false, length = 200)
	private String name;

	@Column(name = "candidate_group", length = 100)
	private String candidateGroup;

	@Column(name = "unit_code", length = 40)
	private String unitCode;

	@Column(length = 20)
	private String role;

	@Column(length = 60)
	private String assignee;

	@Column(length = 300)
	private String outcomes;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "completed_at")
	private Instant completedAt;

	@Column(name = "completed_by", length = 60)
	private String completedBy;

	@Column(length = 40)
	private String outcome;

	@Column(name = "outcome_comment", length = 2000)
	private String comment;

	@Column(length = 10)
	private String verdict;

	@Column(name = "form_id", length = 100)
	private String formId;

	@Column(name = "form_data", length = 100000)
	private String formData;

	@Column(name = "default_share")
	private Integer defaultShare;

	@Version
	private long version;

	protected TaskRecord() {
	}

	TaskRecord(String taskId, String dossierCode, String processInstanceId, String taskKey, String name,
			String candidateGroup, List<String> outcomes, String formId, Instant createdAt, Instant dueAt,
			String assignee, Integer defaultShare) {
		this.defaultShare = defaultShare;
		this.formId = formId;
		this.taskId = taskId;
		this.dossierCode = dossierCode;
		this.processInstanceId = processInstanceId;
		this.taskKey = taskKey;
		this.name = name;
		this.candidateGroup = candidateGroup;
		if (candidateGroup != null && candidateGroup.contains(":")) {
			this.unitCode = candidateGroup.substring(0, candidateGroup.indexOf(':'));
			this.role = candidateGroup.substring(candidateGroup.indexOf(':') + 1);
		}
		this.outcomes = String.join(",", outcomes);
		this.createdAt = createdAt;
		this.dueAt = dueAt;
		this.assignee = assignee;
	}

	void assignTo(String assignee) {
		this.assignee = assignee;
	}

	void complete(Instant at, String by, String outcome, String comment) {
		this.completedAt = at;
		this.completedBy = by;
		this.outcome = outcome;
		this.comment = comment;
	}

	void dueOn(Instant dueAt) {
		this.dueAt = dueAt;
	}

	/** Keeps the data of the step's form, as JSON, once validated. */
	void fillForm(String formData) {
		this.formData = formData;
	}

	String formId() {
		return this.formId;
	}

	String formData() {
		return this.formData;
	}

	void judge(String verdict) {
		this.verdict = verdict;
	}

	String verdict() {
		return this.verdict;
	}

	boolean isOpen() {
		return this.completedAt == null;
	}

	String taskId() {
		return this.taskId;
	}

	String dossierCode() {
		return this.dossierCode;
	}

	String taskKey() {
		return this.taskKey;
	}

	String name() {
		return this.name;
	}

	String candidateGroup() {
		return this.candidateGroup;
	}

	String unitCode() {
		return this.unitCode;
	}

	String role() {
		return this.role;
	}

	String assignee() {
		return this.assignee;
	}

	List<String> outcomes() {
		return (this.outcomes == null || this.outcomes.isBlank()) ? List.of()
				: Arrays.stream(this.outcomes.split(",")).map(String::trim).toList();
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant dueAt() {
		return this.dueAt;
	}

	Instant completedAt() {
		return this.completedAt;
	}

	Integer defaultShare() {
		return this.defaultShare;
	}

	String completedBy() {
		return this.completedBy;
	}

	String outcome() {
		return this.outcome;
	}

	String comment() {
		return this.comment;
	}

}
