package io.motcua.bench;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

import io.motcua.app.dossier.DossierViews.ReceivedDossier;
import io.motcua.app.intake.BenchIntake;
import io.motcua.app.lifecycle.StepCompletion;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.StepDecision;
import io.motcua.app.workflow.StepKind;
import io.motcua.app.workflow.TaskView;
import io.motcua.processes.DossierLifecycle;

/**
 * Motcua through its service layer: the intake service and {@link DossierTasks}, each
 * call as the demo user who makes it at the counter (what the controllers call, without
 * HTTP). Each step first reads the open step of the dossier, as a client does.
 */
final class MotcuaServiceLifecycle implements Lifecycle {

	static final String PROCEDURE = "HKD-01";

	private final MotcuaApp app;

	private final BenchIntake intake;

	private final DossierTasks tasks;

	private final StepCompletion completion;

	private final JdbcTemplate jdbc;

	MotcuaServiceLifecycle(MotcuaApp app) {
		this.app = app;
		this.intake = new BenchIntake(app.context);
		this.tasks = app.context.getBean(DossierTasks.class);
		this.completion = app.context.getBean(StepCompletion.class);
		this.jdbc = app.context.getBean(JdbcTemplate.class);
	}

	@Override
	public String name() {
		return "Motcua (service layer)";
	}

	@Override
	public String database() {
		return MotcuaApp.DATABASE;
	}

	@Override
	public DataSource dataSource() {
		return this.app.dataSource();
	}

	@Override
	public void runOne(long seq) {
		try {
			SecurityContextHolder.getContext().setAuthentication(this.app.as("clerk"));
			ReceivedDossier dossier = this.intake.receive(PROCEDURE, String.format("%012d", seq));
			step("specialist", dossier.code(), DossierLifecycle.TASK_REVIEW_DOSSIER, "PROPOSE_APPROVAL");
			step("approver", dossier.code(), DossierLifecycle.TASK_APPROVE_DOSSIER, "APPROVE");
			step("approver", dossier.code(), DossierLifecycle.TASK_SIGN_RESULT, "SIGN");
			step("clerk", dossier.code(), DossierLifecycle.TASK_RETURN_RESULT, "RETURN");
			awaitReactions(this.jdbc, dossier.code());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void step(String user, String code, String taskKey, String outcome) {
		SecurityContextHolder.getContext().setAuthentication(this.app.as(user));
		TaskView task = Await.until(taskKey + " of " + code, () -> this.tasks.openStep(code, kindOf(taskKey)));
		this.completion.complete(task.id(), StepDecision.of(outcome, null));
	}

	/** The kind of step a task of the default lifecycle is. */
	static StepKind kindOf(String taskKey) {
		return switch (taskKey) {
			case DossierLifecycle.TASK_REVIEW_DOSSIER -> StepKind.REVIEW;
			case DossierLifecycle.TASK_APPROVE_DOSSIER -> StepKind.APPROVAL;
			case DossierLifecycle.TASK_SIGN_RESULT -> StepKind.SIGNING;
			case DossierLifecycle.TASK_RETURN_RESULT -> StepKind.RETURN;
			default -> throw new IllegalArgumentException(taskKey);
		};
	}

	/**
	 * Waits until every reaction after commit about the dossier (receipt, letters) has
	 * run: a lifecycle counts with all its work done.
	 */
	static void awaitReactions(JdbcTemplate jdbc, String code) {
		Await.until("reactions of " + code, () -> {
			Integer pending = jdbc.queryForObject(
					"select count(*) from event_publication where serialized_event like ?", Integer.class,
					"%\"dossierCode\":\"" + code + "\"%");
			return (pending == 0) ? java.util.Optional.of(code) : java.util.Optional.empty();
		});
	}

}
