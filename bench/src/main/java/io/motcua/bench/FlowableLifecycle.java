package io.motcua.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.TaskService;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;

import io.motcua.processes.DossierLifecycle;

/**
 * Peer (b): Flowable 7 with its default settings running the Flowable namespace variant
 * of the same model, driven the same way as the plain Camunda engine.
 */
final class FlowableLifecycle implements Lifecycle, AutoCloseable {

	static final String DATABASE = Postgres.database("motcua_bench_flowable");

	private final HikariDataSource dataSource;

	private final ProcessEngine engine;

	FlowableLifecycle() throws Exception {
		Postgres.recreate(DATABASE);
		this.dataSource = Postgres.pool(DATABASE, "flowable");
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setEngineName("bench-flowable");
		configuration.setDataSource(this.dataSource);
		configuration
			.setDatabaseSchemaUpdate(org.flowable.common.engine.impl.AbstractEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		// As in production: the async executor runs; timers are days away.
		configuration.setAsyncExecutorActivate(true);
		this.engine = configuration.buildProcessEngine();
		this.engine.getRepositoryService()
			.createDeployment()
			.addString("dossier-lifecycle.bpmn20.xml", Models.flowable())
			.deploy();
	}

	@Override
	public String name() {
		return "Flowable 7.1";
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
		String code = "FLOW-" + seq;
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

	@Override
	public void close() {
		this.engine.close();
		this.dataSource.close();
	}

}
