package io.motcua.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;

import io.motcua.processes.DossierLifecycle;

/**
 * Peer (a): the same BPMN on a plain Camunda 7 engine with its default settings and no
 * case layer (no dossier table, projection, ledger or timeline). Each step queries the
 * open task of the instance, claims it and completes it, as a Tasklist user does.
 */
final class CamundaLifecycle implements Lifecycle, AutoCloseable {

	static final String DATABASE = Postgres.database("motcua_bench_camunda");

	private final HikariDataSource dataSource;

	private final ProcessEngine engine;

	CamundaLifecycle() throws Exception {
		Postgres.recreate(DATABASE);
		this.dataSource = Postgres.pool(DATABASE, "camunda-plain");
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bench-plain-camunda");
		configuration.setDataSource(this.dataSource);
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		// As in production (and as in Motcua): the job executor runs; timers are days
		// away.
		configuration.setJobExecutorActivate(true);
		this.engine = configuration.buildProcessEngine();
		this.engine.getRepositoryService()
			.createDeployment()
			.addString("dossier-lifecycle.bpmn", Models.camunda())
			.deploy();
	}

	@Override
	public String name() {
		return "Camunda 7 (plain)";
	}

	@Override
	public String database() {
		return DATABASE;
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource;
	}

	@Override
	public void runOne(long seq) {
		Instant now = Instant.now();
		Map<String, Object> variables = new HashMap<>();
		String code = "PLAIN-" + seq;
		variables.put(DossierLifecycle.VAR_DOSSIER_CODE, code);
		variables.put(DossierLifecycle.VAR_RECEIVING_UNIT, "TRANBIEN");
		variables.put(DossierLifecycle.VAR_PROCESSING_UNIT, "TRANBIEN");
		variables.put(DossierLifecycle.VAR_SLA_WARNING_AT, now.plus(Duration.ofDays(2)).toString());
		variables.put(DossierLifecycle.VAR_SLA_DUE_AT, now.plus(Duration.ofDays(3)).toString());
		String instance = this.engine.getRuntimeService()
			.startProcessInstanceByKey(DossierLifecycle.PROCESS_KEY, code, variables)
			.getId();
		step(instance, "specialist", "PROPOSE_APPROVAL");
		step(instance, "approver", "APPROVE");
		step(instance, "approver", "SIGN");
		step(instance, "clerk", "RETURN");
	}

	private void step(String instance, String user, String outcome) {
		TaskService tasks = this.engine.getTaskService();
		Task task = Await.until("the next step of " + instance,
				() -> Optional.ofNullable(tasks.createTaskQuery().processInstanceId(instance).singleResult()));
		tasks.claim(task.getId(), user);
		tasks.complete(task.getId(), Map.of(DossierLifecycle.VAR_OUTCOME, outcome));
	}

	ProcessEngine engine() {
		return this.engine;
	}

	@Override
	public void close() {
		this.engine.close();
		this.dataSource.close();
	}

}
