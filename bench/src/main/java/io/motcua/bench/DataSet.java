package io.motcua.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.postgresql.PGConnection;

import org.springframework.security.core.context.SecurityContextHolder;

import io.motcua.app.dossier.DossierViews.ReceivedDossier;
import io.motcua.app.intake.BenchIntake;
import io.motcua.app.sla.CalendarService;
import io.motcua.app.sla.DeadlineService;
import io.motcua.app.sla.DeadlineView;
import io.motcua.app.sla.SlaProperties;
import io.motcua.app.sla.WorkingCalendar;
import io.motcua.app.lifecycle.StepCompletion;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.StepDecision;
import io.motcua.app.workflow.TaskView;
import io.motcua.processes.DossierLifecycle;

/**
 * A large, realistic data set in Motcua's own tables, loaded fast: a few template
 * dossiers go through the real service layer (intake as the clerk, then review, claim,
 * approval, real SLA timer jobs fired, or the whole lifecycle), and each template is then
 * cloned many times with set-based SQL over every row that belongs to it, in Motcua's
 * tables and in Camunda's runtime and history tables alike.
 *
 * <p>
 * Which rows belong to a template is found, not listed: every row of a table that holds
 * the dossier's code, its process instance id, or the id of a row already found (to a
 * fixpoint), outside the tables shared by all dossiers (deployments, job definitions,
 * staff, calendars). Those rows are copied to the schema {@value #SCHEMA} with every id
 * they share marked; a clone rewrites each marked id to a unique one of the same length
 * (the last 12 characters become {@code z} and the clone number in hex, which no UUID
 * has), the code to a fresh code of the unit's daily sequence, and shifts every instant:
 * deadlines (due dates, the SLA timer jobs and date variables, task due dates) to the
 * clone's due date or warning, completion instants to its completion, everything else to
 * its receipt. An open clone's RECEIVED ledger entry gets the working time from its
 * receipt to its due date as budget, so that the SLA service derives the same due date
 * and warning from its ledger (checked after loading) and a calendar change moves them
 * only by what the change does.
 *
 * <p>
 * Open clones ({@link #ensure}) are complete, working process instances waiting at
 * {@code Task_ReviewDossier} (unclaimed, or claimed by the unit's specialist) or at
 * {@code Task_ApproveDossier}, due within ±30 days of now; their SLA timers that would
 * have fired already have fired (the template's real jobs were executed), the others are
 * real pending timer jobs. Completed clones are returned dossiers (approved or rejected)
 * received over the last two years with their completed steps, deadline ledger and
 * finished historic process instance (no runtime rows, as for a finished process).
 */
final class DataSet {

	static final String SCHEMA = "bench_dataset";

	static final String PROCEDURE = MotcuaServiceLifecycle.PROCEDURE;

	/** Tables shared by every dossier: never cloned. */
	private static final Set<String> SHARED = Set.of("flyway_schema_history", "org_unit", "staff", "staff_role",
			"calendar_year", "dossier_sequence", "act_ge_property", "act_ge_schema_log", "act_ru_jobdef",
			"act_ru_meter_log", "act_ru_task_meter_log", "act_ru_batch", "act_hi_batch");

	/** Columns whose values are ids of rows of their own (besides primary keys). */
	private static final Set<String> REFERENCES = Set.of("bytearray_id_", "exception_stack_id_", "error_details_id_",
			// History names executions that have ended since (a timer's, a task's)
			"execution_id_");

	/** Columns that hold ids shared by all dossiers: never checked for unmapped ids. */
	private static final Set<String> SHARED_COLUMNS = Set.of("proc_def_id_", "process_def_id_", "deployment_id_",
			"job_def_id_", "case_def_id_", "decision_def_id_");

	/** Instants that follow the deadline rather than the receipt. */
	private static final Set<String> DEADLINES = Set.of("dossier.due_at", "dossier_task.due_at",
			"deadline_entry.appointment", "deadline_entry.due_before", "deadline_entry.due_after",
			"act_ru_task.due_date_", "act_hi_taskinst.due_date_", "act_ru_job.duedate_");

	/** Instants that follow the completion rather than the receipt. */
	private static final Set<String> COMPLETIONS = Set.of("dossier.completed_at", "dossier.returned_at",
			"dossier_task.completed_at", "act_hi_procinst.end_time_", "act_hi_procinst.removal_time_");

	/**
	 * Tables a completed clone has: finished process instances have no runtime rows, and
	 * their activity, task and variable history is left out for speed.
	 */
	private static final Map<String, String> COMPLETED_TABLES = Map.of("dossier", "true", "dossier_task", "true",
			"deadline_entry", "true", "act_hi_procinst", "true",
			// The status changes only: what the public lookup shows
			"dossier_event", "s.to_status is distinct from s.from_status");

	/** The demo units and the users who act there. */
	private static final List<Unit> UNITS = List.of(new Unit("TRANBIEN", "clerk", "specialist", "approver"),
			new Unit("LONGTHANH", "clerk2", "specialist2", "approver2"));

	private static final Map<MotcuaApp, DataSet> LOADED = new ConcurrentHashMap<>();

	private final MotcuaApp app;

	private final ZoneId zone;

	private final List<Template> templates = new ArrayList<>();

	private final Map<String, Table> tables = new LinkedHashMap<>();

	private final Map<String, Long> clonedRows = new ConcurrentHashMap<>();

	private final Map<String, Double> workSeconds = new ConcurrentHashMap<>();

	private final Map<String, Object> timings = new LinkedHashMap<>();

	private final List<String> warnings = new ArrayList<>();

	private int open;

	private int completed;

	private double cloneSeconds;

	private DataSet(MotcuaApp app) {
		this.app = app;
		this.zone = app.context.getBean(CalendarService.class).current().zone();
	}

	/**
	 * The data set of this application with at least {@code open} open and
	 * {@code completed} completed cloned dossiers: loads the templates the first time,
	 * then clones whatever is missing (a later call with larger numbers adds to the
	 * earlier clones). Verifies through the application that a clone works.
	 * @param app the running application, on {@link MotcuaApp#DATABASE}
	 * @param open open dossiers wanted, half of them in each demo commune
	 * @param completed completed dossiers wanted
	 * @return the data set
	 */
	static synchronized DataSet ensure(MotcuaApp app, int open, int completed) throws Exception {
		DataSet data = LOADED.get(app);
		if (data == null) {
			data = new DataSet(app);
			data.createTemplates();
			LOADED.put(app, data);
		}
		data.grow(Math.max(open, data.open), Math.max(completed, data.completed));
		return data;
	}

	/** Open cloned dossiers. */
	int open() {
		return this.open;
	}

	/** Completed cloned dossiers. */
	int completed() {
		return this.completed;
	}

	/** Codes of the open cloned dossiers, in clone order. */
	List<String> openCodes() throws SQLException {
		List<String> codes = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("select code from " + SCHEMA + ".clone where kind = 'open' order by n")) {
			while (rs.next()) {
				codes.add(rs.getString(1));
			}
		}
		return codes;
	}

	/**
	 * Random cloned dossiers (open and completed alike) with the secret printed on their
	 * receipt, for the public lookup.
	 */
	List<Lookup> lookups(int count) throws SQLException {
		List<Lookup> lookups = new ArrayList<>();
		try (Connection connection = connect();
				PreparedStatement statement = connection.prepareStatement("select c.code, t.secret from " + SCHEMA
						+ ".clone c join " + SCHEMA + ".template t on t.no = c.template order by random() limit ?")) {
			statement.setInt(1, count);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					lookups.add(new Lookup(rs.getString(1), rs.getString(2)));
				}
			}
		}
		return lookups;
	}

	/** How the data set was made: sizes, rows per table, seconds per phase. */
	Map<String, Object> describe() {
		Map<String, Object> described = new LinkedHashMap<>();
		described.put("open", this.open);
		described.put("completed", this.completed);
		described.put("templates", this.templates.stream().map(Template::describe).toList());
		described.put("rowsPerTable", new LinkedHashMap<>(this.clonedRows));
		described.put("seconds", this.timings);
		described.put("warnings", this.warnings);
		return described;
	}

	/** Seconds the cloning took, all calls together (templates not included). */
	double cloneSeconds() {
		return this.cloneSeconds;
	}

	/** Template dossiers made through the service layer. */
	int templateCount() {
		return this.templates.size();
	}

	/** Seconds spent making the templates through the service layer. */
	double templateSeconds() {
		return ((Number) this.timings.getOrDefault("templates", 0.0)).doubleValue();
	}

	// ---------------------------------------------------------------- templates

	private void createTemplates() throws Exception {
		long start = System.nanoTime();
		BenchIntake intake = new BenchIntake(this.app.context);
		int identity = 0;
		for (Unit unit : UNITS) {
			for (String stage : List.of("review", "claimed", "approval")) {
				for (String timers : List.of("fresh", "warned", "overdue")) {
					this.templates.add(openTemplate(intake, unit, stage, timers, ++identity));
				}
			}
			for (String stage : List.of("approved", "rejected")) {
				this.templates.add(completedTemplate(intake, unit, stage, ++identity));
			}
		}
		this.timings.put("templates", seconds(start));
		start = System.nanoTime();
		awaitQuiet();
		try (Connection connection = connect()) {
			connection.setAutoCommit(true);
			stage(connection);
		}
		this.timings.put("discover", seconds(start));
		System.out.printf("data set: %d templates through the service layer in %.1f s, staged in %.1f s%n",
				this.templates.size(), this.timings.get("templates"), this.timings.get("discover"));
	}

	private Template openTemplate(BenchIntake intake, Unit unit, String stage, String timers, int no) {
		ReceivedDossier dossier = receive(intake, unit, no);
		if ("claimed".equals(stage)) {
			as(unit.specialist(), () -> {
				TaskView review = await(dossier.code(), DossierLifecycle.TASK_REVIEW_DOSSIER);
				return tasks().claim(review.id());
			});
		}
		else if ("approval".equals(stage)) {
			step(unit.specialist(), dossier.code(), DossierLifecycle.TASK_REVIEW_DOSSIER, "PROPOSE_APPROVAL");
			as(unit.approver(), () -> await(dossier.code(), DossierLifecycle.TASK_APPROVE_DOSSIER));
		}
		else {
			as(unit.specialist(), () -> await(dossier.code(), DossierLifecycle.TASK_REVIEW_DOSSIER));
		}
		// The SLA timers that would have fired by now, fired for real (the job executor's
		// work, done at once)
		if (!"fresh".equals(timers)) {
			fire(dossier.code(), DossierLifecycle.TIMER_SLA_WARNING);
		}
		if ("overdue".equals(timers)) {
			fire(dossier.code(), DossierLifecycle.TIMER_SLA_OVERDUE);
		}
		return new Template(no, "open", unit.code(), stage, timers, dossier.code(), dossier.lookupSecret());
	}

	private Template completedTemplate(BenchIntake intake, Unit unit, String stage, int no) {
		ReceivedDossier dossier = receive(intake, unit, no);
		step(unit.specialist(), dossier.code(), DossierLifecycle.TASK_REVIEW_DOSSIER,
				"approved".equals(stage) ? "PROPOSE_APPROVAL" : "PROPOSE_REJECTION");
		step(unit.approver(), dossier.code(), DossierLifecycle.TASK_APPROVE_DOSSIER, "APPROVE");
		step(unit.approver(), dossier.code(), DossierLifecycle.TASK_SIGN_RESULT, "SIGN");
		step(unit.clerk(), dossier.code(), DossierLifecycle.TASK_RETURN_RESULT, "RETURN");
		return new Template(no, "completed", unit.code(), stage, "-", dossier.code(), dossier.lookupSecret());
	}

	private ReceivedDossier receive(BenchIntake intake, Unit unit, int no) {
		ReceivedDossier dossier = as(unit.clerk(),
				() -> intake.receive(PROCEDURE, String.format("%012d", 700_000 + no)));
		if (!unit.code().equals(dossier.processingUnit())) {
			throw new IllegalStateException("Template " + dossier.code() + " is processed by "
					+ dossier.processingUnit() + ", expected " + unit.code());
		}
		return dossier;
	}

	private void step(String user, String code, String taskKey, String outcome) {
		as(user, () -> {
			TaskView task = await(code, taskKey);
			completion().complete(task.id(), StepDecision.of(outcome, null));
			return null;
		});
	}

	private TaskView await(String code, String taskKey) {
		return Await.until(taskKey + " of " + code,
				() -> tasks().openStep(code, MotcuaServiceLifecycle.kindOf(taskKey)));
	}

	private void fire(String code, String timerId) {
		ManagementService management = this.app.context.getBean(ManagementService.class);
		Job job = management.createJobQuery()
			.processInstanceId(processInstance(code).getId())
			.activityId(timerId)
			.singleResult();
		if (job == null) {
			throw new IllegalStateException("No timer job " + timerId + " for template " + code);
		}
		SecurityContextHolder.clearContext();
		management.executeJob(job.getId());
	}

	private ProcessInstance processInstance(String code) {
		ProcessInstance instance = this.app.context.getBean(RuntimeService.class)
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(code)
			.singleResult();
		if (instance == null) {
			throw new IllegalStateException("No running process instance for " + code);
		}
		return instance;
	}

	private <T> T as(String user, Supplier<T> action) {
		SecurityContextHolder.getContext().setAuthentication(this.app.as(user));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private StepCompletion completion() {
		return this.app.context.getBean(StepCompletion.class);
	}

	private DossierTasks tasks() {
		return this.app.context.getBean(DossierTasks.class);
	}

	/**
	 * Waits until no job of a template is due (the seal and verification of the completed
	 * ones run asynchronously).
	 */
	private void awaitQuiet() {
		ManagementService management = this.app.context.getBean(ManagementService.class);
		Await.until("the templates' due jobs",
				() -> (management.createJobQuery().executable().count() == 0) ? Optional.of(true) : Optional.empty());
	}

	// ---------------------------------------------------------------- staging

	/**
	 * Finds every row of every template, copies them to the staging schema and marks the
	 * ids that a clone rewrites.
	 */
	private void stage(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
			statement.execute("create table " + SCHEMA + ".template (no integer primary key, kind text not null,"
					+ " unit text not null, stage text not null, timers text not null, code text not null,"
					+ " secret text not null, pid text not null, dossier_id bigint not null,"
					+ " received_at timestamptz not null, due_at timestamptz not null, warning_at timestamptz,"
					+ " completed_at timestamptz)");
			statement.execute("create table " + SCHEMA + ".clone (n bigint primary key, kind text not null,"
					+ " template integer not null, unit text not null, code text not null, tcode text not null,"
					+ " node text not null, dossier_id bigint not null, received timestamptz not null,"
					+ " due timestamptz not null, shift_r interval not null, shift_d interval not null,"
					+ " shift_c interval not null, shift_w interval not null, budget bigint, verdict text,"
					+ " channel text not null, identity text not null)");
		}
		readTables(connection);
		for (Template template : this.templates) {
			stage(connection, template);
		}
		// The step's due date is meant to reach the engine's task too
		// (DossierTasks.setDue), but the listener that sets it runs before the engine has
		// stored the task, so the engine's due date stays empty; the clones carry it, so
		// that the engine's own queries by due date have something to sort and filter.
		String jvmZone = java.util.TimeZone.getDefault().getID();
		for (String engineTable : List.of("act_ru_task", "act_hi_taskinst")) {
			if (this.tables.containsKey(engineTable) && this.tables.get(engineTable).staged) {
				try (Statement statement = connection.createStatement()) {
					statement.executeUpdate("update " + SCHEMA + "." + engineTable
							+ " t set due_date_ = d.due_at at time zone '" + jvmZone + "' from " + SCHEMA
							+ ".dossier_task d where d.bench_template = t.bench_template"
							+ " and d.task_id = t.id_ and t.due_date_ is null");
				}
			}
		}
		if (!this.warnings.isEmpty()) {
			System.out.println("data set: " + this.warnings.size() + " values look like ids but are not cloned, first: "
					+ this.warnings.get(0));
		}
		for (Table table : this.tables.values()) {
			if (table.staged) {
				table.analyse(connection);
			}
		}
	}

	private void readTables(Connection connection) throws SQLException {
		String sql = """
				select c.table_name, c.column_name, c.data_type, c.is_identity = 'YES',
				  exists (select 1 from information_schema.table_constraints k
				          join information_schema.key_column_usage u on u.constraint_name = k.constraint_name
				           and u.table_schema = k.table_schema and u.table_name = k.table_name
				          where k.table_schema = c.table_schema and k.table_name = c.table_name
				            and k.constraint_type = 'PRIMARY KEY' and u.column_name = c.column_name)
				from information_schema.columns c join information_schema.tables t
				  on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
				where c.table_schema = 'public' order by c.table_name, c.ordinal_position""";
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				String name = rs.getString(1);
				if (SHARED.contains(name) || name.startsWith("act_re_") || name.startsWith("act_id_")) {
					continue;
				}
				this.tables.computeIfAbsent(name, Table::new)
					.columns()
					.add(new Column(rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5)));
			}
		}
	}

	private void stage(Connection connection, Template template) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select id, process_instance_id,"
				+ " received_at, due_at, warning_at, completed_at from dossier where code = ?")) {
			statement.setString(1, template.code);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					throw new IllegalStateException("No dossier row for template " + template.code);
				}
				template.dossierId = rs.getLong(1);
				template.pid = rs.getString(2);
				try (PreparedStatement insert = connection.prepareStatement(
						"insert into " + SCHEMA + ".template" + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
					insert.setInt(1, template.no);
					insert.setString(2, template.kind);
					insert.setString(3, template.unit);
					insert.setString(4, template.stage);
					insert.setString(5, template.timers);
					insert.setString(6, template.code);
					insert.setString(7, template.secret);
					insert.setString(8, template.pid);
					insert.setLong(9, template.dossierId);
					insert.setObject(10, rs.getObject(3));
					insert.setObject(11, rs.getObject(4));
					insert.setObject(12, rs.getObject(5));
					insert.setObject(13, rs.getObject(6));
					insert.executeUpdate();
				}
				if (rs.getObject(4) == null || ("completed".equals(template.kind) && rs.getObject(6) == null)) {
					throw new IllegalStateException("Template " + template.code + " lacks a due date or completion");
				}
			}
		}
		if (template.pid == null) {
			throw new IllegalStateException("Template " + template.code + " has no process instance");
		}
		// The ids that belong to the template, to a fixpoint
		Set<String> ids = new LinkedHashSet<>(List.of(template.pid));
		boolean grew = true;
		while (grew) {
			grew = false;
			for (Table table : this.tables.values()) {
				List<String> found = table.ids(connection, ids, template);
				for (String id : found) {
					grew |= ids.add(id);
				}
			}
		}
		template.ids = ids.size();
		for (Table table : this.tables.values()) {
			int rows = table.stage(connection, ids, template);
			if (rows > 0) {
				template.rows.put(table.name, rows);
			}
		}
		for (Table table : this.tables.values()) {
			if (table.staged) {
				this.warnings.addAll(table.unmapped(connection, template));
			}
		}
	}

	// ---------------------------------------------------------------- cloning

	private void grow(int wantedOpen, int wantedCompleted) throws Exception {
		int moreOpen = wantedOpen - this.open;
		int moreCompleted = wantedCompleted - this.completed;
		if (moreOpen <= 0 && moreCompleted <= 0) {
			return;
		}
		long start = System.nanoTime();
		long first;
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			first = plan(connection, moreOpen, moreCompleted);
			connection.commit();
		}
		String key = "clone " + this.timings.keySet().stream().filter((k) -> k.startsWith("clone ")).count();
		double planSeconds = seconds(start);
		List<Table> loaded = this.tables.values().stream().filter((t) -> t.staged).toList();
		long indexStart = System.nanoTime();
		// Bulk load as one does it: secondary indexes dropped, and built again after the
		// rows are in (a sorted build instead of a million random inserts). Primary keys
		// and unique constraints stay and check every row.
		List<String> indexes = (moreOpen + moreCompleted >= 50_000) ? dropIndexes(loaded) : List.of();
		double dropSeconds = seconds(indexStart);
		long copyStart = System.nanoTime();
		List<Work> copies = new ArrayList<>();
		try {
			// Chunks of the clone range per table; two connections work through them
			// at once
			int chunk = 50_000;
			for (String kind : List.of("open", "completed")) {
				long from = (kind.equals("open")) ? first : first + Math.max(moreOpen, 0);
				long count = (kind.equals("open")) ? Math.max(moreOpen, 0) : Math.max(moreCompleted, 0);
				for (Table table : loaded) {
					if (!table.hasKind(kind)
							|| ("completed".equals(kind) && !COMPLETED_TABLES.containsKey(table.name))) {
						continue;
					}
					for (long a = from; a < from + count; a += chunk) {
						long to = Math.min(from + count, a + chunk) - 1;
						copies.add(new Work(table.name, table.cloneSql(kind, a, to),
								(to - a + 1) * table.rowsPerClone.getOrDefault(kind, 1)));
					}
				}
			}
			runInParallel(copies, true);
		}
		finally {
			long rebuildStart = System.nanoTime();
			runInParallel(indexes.stream().map((sql) -> new Work("index", sql, 1)).toList(), false);
			this.timings.put(key + " index rebuild", seconds(rebuildStart));
		}
		double copySeconds = seconds(copyStart);
		long analyseStart = System.nanoTime();
		runInParallel(loaded.stream()
			.map((t) -> new Work("vacuum " + t.name, "vacuum (analyze) public." + t.name,
					this.clonedRows.getOrDefault(t.name, 0L)))
			.toList(), false);
		double analyseSeconds = seconds(analyseStart);
		this.open = wantedOpen;
		this.completed = wantedCompleted;
		Map<String, Object> phase = new LinkedHashMap<>();
		phase.put("plan", planSeconds);
		phase.put("dropIndexes", dropSeconds);
		phase.put("copyAndIndexes", copySeconds);
		phase.put("vacuumAnalyse", analyseSeconds);
		phase.put("perTable", new LinkedHashMap<>(this.workSeconds));
		double total = seconds(start);
		this.cloneSeconds += total;
		this.timings.put(key, total);
		this.timings.put(key + " phases", phase);
		System.out.printf(
				"data set: cloned %,d open and %,d completed dossiers in %.1f s (plan %.1f s, copy and index %.1f s,"
						+ " vacuum and analyse %.1f s): %s%n",
				Math.max(moreOpen, 0), Math.max(moreCompleted, 0), total, planSeconds, copySeconds, analyseSeconds,
				this.clonedRows);
		long verifyStart = System.nanoTime();
		verify();
		this.timings.put("verify", seconds(verifyStart));
	}

	/**
	 * Plans the clones: template, code, dossier id, and the shifts of their instants.
	 * @return the first clone number
	 */
	private long plan(Connection connection, int moreOpen, int moreCompleted) throws SQLException {
		long first;
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select coalesce(max(n), 0) + 1 from " + SCHEMA + ".clone")) {
				rs.next();
				first = rs.getLong(1);
			}
			long total = Math.max(moreOpen, 0) + Math.max(moreCompleted, 0);
			// Reserve a block of dossier ids
			long firstId;
			try (ResultSet rs = statement.executeQuery("select setval(pg_get_serial_sequence('public.dossier', 'id'),"
					+ " (select coalesce(max(id), 0) from public.dossier) + " + total + ") - " + total + " + 1")) {
				rs.next();
				firstId = rs.getLong(1);
			}
			statement.execute("select setseed(0.4242)");
			String zone = "'" + this.zone.getId() + "'";
			String units = "array[" + String.join(", ", UNITS.stream().map((u) -> "'" + u.code() + "'").toList()) + "]";
			if (moreOpen > 0) {
				planOpen(connection, statement, first, moreOpen);
				insertPlan(statement, "open", "received - t_received", "due - t_due", "received - t_received",
						"warning - t_warning", "budget", "null", firstId, first, zone);
			}
			if (moreCompleted > 0) {
				long from = first + Math.max(moreOpen, 0);
				statement.execute(
						"""
								create temporary table plan_base on commit drop as
								with base as (
								  select n, (%1$s)[1 + (n %% %2$d)::int] as unit, random() as r1, random() as r2,
								         random() as r3, random() as r5
								  from generate_series(%3$d, %4$d) n)
								select b.*, t.no as template, t.code as tcode, t.received_at as t_received, t.due_at as t_due,
								       t.completed_at as t_completed,
								       date_trunc('second', now() - (t.due_at - t.received_at) * 2 - r2 * interval '730 days') as received,
								       (t.due_at - t.received_at) as budget
								from base b
								join %5$s.template t on t.kind = 'completed' and t.unit = b.unit
								 and t.stage = case when r1 < 0.9 then 'approved' else 'rejected' end
								"""
							.formatted(units, UNITS.size(), from, from + moreCompleted - 1, SCHEMA));
				statement.execute("alter table plan_base add column due timestamptz, add column done timestamptz");
				statement.execute("update plan_base set due = received + budget,"
						+ " done = date_trunc('second', received + budget * (0.2 + r3 * 1.1))");
				String verdict = "case when done > due then 'LATE' when (done at time zone " + zone
						+ ")::date < (due at time zone " + zone + ")::date then 'EARLY' else 'ON_TIME' end";
				insertPlan(statement, "completed", "received - t_received", "received - t_received",
						"done - t_completed", "received - t_received", "null", verdict, firstId + Math.max(moreOpen, 0),
						from, zone);
			}
			statement.execute("analyze " + SCHEMA + ".clone");
		}
		return first;
	}

	/**
	 * Plans the open clones in Java, with the office's working calendar, so that each
	 * clone's deadline ledger gives its due date: a due date within ±30 days of now, a
	 * receipt before it and before now, the working time between them as the RECEIVED
	 * entry's budget, and the warning as the SLA service derives it. Re-projecting a
	 * clone (a calendar change) then moves its deadline only by what the change does.
	 */
	private void planOpen(Connection connection, Statement statement, long first, int count) throws SQLException {
		WorkingCalendar calendar = this.app.context.getBean(CalendarService.class).current();
		SlaProperties sla = this.app.context.getBean(SlaProperties.class);
		LocalTime cutOff = null;
		try (ResultSet rs = statement.executeQuery("select e.cut_off from public.deadline_entry e join " + SCHEMA
				+ ".template t on t.code = e.dossier_code where t.kind = 'open' and e.type = 'RECEIVED' limit 1")) {
			if (rs.next() && rs.getString(1) != null) {
				cutOff = LocalTime.parse(rs.getString(1));
			}
		}
		statement.execute("create temporary table plan_base (n bigint, unit text, stage text, timers text,"
				+ " received timestamptz, due timestamptz, warning timestamptz, budget bigint, r5 double precision)"
				+ " on commit drop");
		Random random = new Random(first * 31 + count);
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		StringBuilder csv = new StringBuilder();
		for (long n = first; n < first + count; n++) {
			String unit = UNITS.get((int) (n % UNITS.size())).code();
			double r1 = random.nextDouble();
			String stage = (r1 < 0.75) ? "review" : (r1 < 0.85) ? "claimed" : "approval";
			Instant target = now.plusSeconds((long) ((random.nextDouble() * 60 - 30) * 86_400));
			// Received some days before it is due (supplements, longer procedures), and
			// never after now
			Instant received = target.minusSeconds((long) ((3 + random.nextDouble() * 60) * 86_400));
			if (received.isAfter(now)) {
				received = now.minusSeconds((long) (random.nextDouble() * 2 * 86_400));
			}
			Instant start = calendar.countingStart(received, cutOff);
			Duration budget = calendar.between(start, target);
			if (budget.compareTo(calendar.workingDay()) < 0) {
				budget = calendar.workingDay();
			}
			Instant due = calendar.add(start, budget);
			Duration share = budget.multipliedBy(sla.warningShare()).dividedBy(100);
			Instant warning = calendar.subtract(due,
					(share.compareTo(sla.warningLead()) < 0) ? share : sla.warningLead());
			String timers = !due.isAfter(now) ? "overdue" : !warning.isAfter(now) ? "warned" : "fresh";
			csv.append(n).append(',').append(unit).append(',').append(stage).append(',').append(timers).append(',');
			csv.append(received).append(',').append(due).append(',').append(warning).append(',');
			csv.append(budget.toSeconds()).append(',').append(random.nextDouble()).append('\n');
		}
		try {
			connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy plan_base from stdin (format csv)", new StringReader(csv.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		statement.execute("alter table plan_base add column template integer, add column tcode text,"
				+ " add column t_received timestamptz, add column t_due timestamptz, add column t_warning timestamptz");
		statement.execute("update plan_base p set template = t.no, tcode = t.code, t_received = t.received_at,"
				+ " t_due = t.due_at, t_warning = t.warning_at from " + SCHEMA + ".template t"
				+ " where t.kind = 'open' and t.unit = p.unit and t.stage = p.stage and t.timers = p.timers");
	}

	private void insertPlan(Statement statement, String kind, String shiftR, String shiftD, String shiftC,
			String shiftW, String budget, String verdict, long firstId, long first, String zone) throws SQLException {
		statement.execute(
				"""
						insert into %1$s.clone (n, kind, template, unit, code, tcode, node, dossier_id, received, due,
						  shift_r, shift_d, shift_c, shift_w, budget, verdict, channel, identity)
						select p.n, '%2$s', p.template, p.unit,
						  p.unit || '-' || to_char(p.received at time zone %3$s, 'YYYYMMDD') || '-'
						    || lpad((coalesce(q.last_number, 0) + row_number() over (
						         partition by p.unit, (p.received at time zone %3$s)::date order by p.received, p.n))::text, 4, '0'),
						  p.tcode, 'z' || lpad(to_hex(p.n), 11, '0'), %4$d + (p.n - %5$d), p.received, p.due,
						  %6$s, %7$s, %8$s, %10$s, %11$s, %9$s,
						  case when p.r5 < 0.6 then 'COUNTER' when p.r5 < 0.95 then 'ONLINE' else 'POSTAL' end,
						  lpad((900000000000 + p.n)::text, 12, '0')
						from plan_base p
						left join public.dossier_sequence q on q.unit_code = p.unit
						  and q.sequence_day = (p.received at time zone %3$s)::date
						"""
					.formatted(SCHEMA, kind, zone, firstId, first, shiftR, shiftD, shiftC, verdict, shiftW, budget));
		statement.execute("drop table plan_base");
		// The units' daily sequences continue after the clones, so that neither the next
		// clones nor real intake issue a clone's code
		statement.execute("insert into public.dossier_sequence (unit_code, sequence_day, last_number)"
				+ " select unit, (received at time zone " + zone + ")::date, max(split_part(code, '-', 3)::int)"
				+ " from " + SCHEMA + ".clone where n >= " + first + " group by 1, 2"
				+ " on conflict (unit_code, sequence_day) do update"
				+ " set last_number = greatest(dossier_sequence.last_number, excluded.last_number)");
	}

	/**
	 * Drops the secondary indexes (neither primary key nor unique) of the tables.
	 * @return the statements that build them again
	 */
	private List<String> dropIndexes(List<Table> tables) throws SQLException {
		List<String> definitions = new ArrayList<>();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			List<String> names = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("select i.relname, pg_get_indexdef(x.indexrelid)"
					+ " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
					+ " join pg_namespace n on n.oid = t.relnamespace where n.nspname = 'public'"
					+ " and not x.indisprimary and not x.indisunique and t.relname = any(array["
					+ String.join(", ", tables.stream().map((t) -> "'" + t.name + "'").toList()) + "])")) {
				while (rs.next()) {
					names.add(rs.getString(1));
					definitions.add(rs.getString(2));
				}
			}
			for (String name : names) {
				statement.execute("drop index public." + name);
			}
		}
		return definitions;
	}

	/**
	 * Runs the statements on two connections at once (the machine's cores), largest
	 * first, each in its own transaction, and adds up the seconds per label.
	 */
	private void runInParallel(List<Work> work, boolean countRows) throws Exception {
		List<Work> sorted = new ArrayList<>(work);
		sorted.sort((x, y) -> Long.compare(y.weight(), x.weight()));
		ConcurrentLinkedQueue<Work> queue = new ConcurrentLinkedQueue<>(sorted);
		AtomicReference<Exception> failure = new AtomicReference<>();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			Thread worker = new Thread(() -> {
				try (Connection connection = connect(); Statement statement = connection.createStatement()) {
					// The clones are consistent by construction: skip the foreign key
					// triggers, and do not wait for each commit's flush
					statement.execute("set session_replication_role = replica");
					statement.execute("set synchronous_commit = off");
					statement.execute("set jit = off");
					statement.execute("set maintenance_work_mem = '256MB'");
					Work next;
					while (failure.get() == null && (next = queue.poll()) != null) {
						long start = System.nanoTime();
						long rows = statement.executeLargeUpdate(next.sql());
						if (countRows) {
							this.clonedRows.merge(next.label(), rows, Long::sum);
						}
						this.workSeconds.merge(next.label(), (System.nanoTime() - start) / 1e9, Double::sum);
					}
				}
				catch (Exception ex) {
					failure.compareAndSet(null, ex);
				}
			}, "bench-dataset-" + i);
			threads.add(worker);
			worker.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	// ---------------------------------------------------------------- verification

	/**
	 * A clone works: the engine sees its activity tree, the specialist completes its
	 * review step through the service layer and it moves on to approval, and a pending
	 * SLA timer job of another clone runs.
	 */
	private void verify() throws SQLException {
		String code;
		String warned;
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			code = single(statement, "select c.code from " + SCHEMA + ".clone c join " + SCHEMA + ".template t"
					+ " on t.no = c.template where t.kind = 'open' and t.stage = 'review' and t.timers = 'fresh'"
					+ " and t.unit = 'TRANBIEN' order by c.n desc limit 1");
			warned = single(statement, "select c.code from " + SCHEMA + ".clone c join " + SCHEMA + ".template t"
					+ " on t.no = c.template where t.kind = 'open' and t.stage = 'approval' and t.timers = 'fresh'"
					+ " and t.unit = 'TRANBIEN' order by c.n desc limit 1");
		}
		ProcessInstance instance = processInstance(code);
		ActivityInstance tree = this.app.context.getBean(RuntimeService.class).getActivityInstance(instance.getId());
		if (tree == null || tree.getActivityInstances(DossierLifecycle.SUB_PROCESS_PROCESSING).length != 1) {
			throw new IllegalStateException("Clone " + code + " has a broken activity tree: " + tree);
		}
		Task engineTask = this.app.context.getBean(TaskService.class)
			.createTaskQuery()
			.processInstanceBusinessKey(code)
			.taskCandidateGroup("TRANBIEN:SPECIALIST")
			.singleResult();
		if (engineTask == null) {
			throw new IllegalStateException(
					"Clone " + code + " has no review task for TRANBIEN:SPECIALIST in the engine");
		}
		step("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER, "PROPOSE_APPROVAL");
		as("approver", () -> await(code, DossierLifecycle.TASK_APPROVE_DOSSIER));
		// A pending timer job of another clone runs
		ManagementService management = this.app.context.getBean(ManagementService.class);
		Job warning = management.createJobQuery()
			.processInstanceId(processInstance(warned).getId())
			.activityId(DossierLifecycle.TIMER_SLA_WARNING)
			.singleResult();
		if (warning == null) {
			throw new IllegalStateException("Clone " + warned + " has no SLA warning timer job");
		}
		management.executeJob(warning.getId());
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			String events = single(statement,
					"select count(*) from dossier_event e join dossier d on d.id = e.dossier_id" + " where d.code = '"
							+ warned + "' and e.type = 'DEADLINE_WARNING'");
			if (!"1".equals(events)) {
				throw new IllegalStateException("The SLA warning of clone " + warned + " left " + events + " events");
			}
		}
		// The deadline ledger of open clones gives their due date and warning, as the SLA
		// service derives them
		List<String[]> sample = new ArrayList<>();
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select d.code, d.due_at, d.warning_at from " + SCHEMA
						+ ".clone c join public.dossier d on d.code = c.code where c.kind = 'open'"
						+ " and c.unit = 'TRANBIEN' order by random() limit 200")) {
			while (rs.next()) {
				sample.add(new String[] { rs.getString(1),
						rs.getObject(2, java.time.OffsetDateTime.class).toInstant().toString(),
						rs.getObject(3, java.time.OffsetDateTime.class).toInstant().toString() });
			}
		}
		DeadlineService deadlines = this.app.context.getBean(DeadlineService.class);
		for (String[] clone : sample) {
			DeadlineView view = as("supervisor", () -> deadlines.view(clone[0]));
			if (!view.dueAt().toString().equals(clone[1]) || !view.warningAt().toString().equals(clone[2])) {
				throw new IllegalStateException("The ledger of clone " + clone[0] + " gives due " + view.dueAt()
						+ ", warning " + view.warningAt() + "; the dossier says " + clone[1] + ", " + clone[2]);
			}
		}
		System.out.printf(
				"data set: clone %s completed its review through DossierTasks and moved on to approval;"
						+ " clone %s's SLA warning job ran; the ledgers of %d clones give their due dates%n",
				code, warned, sample.size());
	}

	private static String single(Statement statement, String sql) throws SQLException {
		try (ResultSet rs = statement.executeQuery(sql)) {
			if (!rs.next()) {
				throw new IllegalStateException("Nothing found: " + sql);
			}
			return rs.getString(1);
		}
	}

	static Connection connect() throws SQLException {
		return DriverManager.getConnection(Postgres.url(MotcuaApp.DATABASE), Postgres.USER, "");
	}

	private static double seconds(long start) {
		return Math.round((System.nanoTime() - start) / 1e8) / 10.0;
	}

	/** A dossier code and the secret on its receipt. */
	record Lookup(String code, String secret) {
	}

	private record Unit(String code, String clerk, String specialist, String approver) {
	}

	private record Column(String name, String type, boolean identity, boolean primaryKey) {

		boolean text() {
			return "character varying".equals(this.type) || "text".equals(this.type);
		}

		boolean instant() {
			return this.type.startsWith("timestamp");
		}

	}

	/**
	 * A statement of the load, with a label to add up its seconds and a size to order by.
	 */
	private record Work(String label, String sql, long weight) {
	}

	/** A template dossier, made through the service layer. */
	private static final class Template {

		final int no;

		final String kind;

		final String unit;

		final String stage;

		final String timers;

		final String code;

		final String secret;

		String pid;

		long dossierId;

		int ids;

		final Map<String, Integer> rows = new LinkedHashMap<>();

		Template(int no, String kind, String unit, String stage, String timers, String code, String secret) {
			this.no = no;
			this.kind = kind;
			this.unit = unit;
			this.stage = stage;
			this.timers = timers;
			this.code = code;
			this.secret = secret;
		}

		Map<String, Object> describe() {
			Map<String, Object> described = new LinkedHashMap<>();
			described.put("kind", this.kind);
			described.put("unit", this.unit);
			described.put("stage", this.stage);
			described.put("timers", this.timers);
			described.put("code", this.code);
			described.put("ids", this.ids);
			described.put("rows", this.rows);
			return described;
		}

	}

	/** A table that holds rows of dossiers, with its staged template rows. */
	private final class Table {

		final String name;

		private final List<Column> columns = new ArrayList<>();

		/** Text columns in which some template value is marked (an id or the code). */
		private final Set<String> marked = new LinkedHashSet<>();

		/** Text columns in which some template value contains the code in longer text. */
		private final Set<String> containsCode = new LinkedHashSet<>();

		private final Map<String, Integer> rowsPerClone = new LinkedHashMap<>();

		boolean staged;

		Table(String name) {
			this.name = name;
		}

		List<Column> columns() {
			return this.columns;
		}

		boolean hasKind(String kind) {
			return this.rowsPerClone.getOrDefault(kind, 0) > 0;
		}

		private List<Column> text() {
			return this.columns.stream().filter(Column::text).toList();
		}

		/**
		 * Which rows belong to the template: a text column holds one of its ids or code.
		 */
		private String match(String alias) {
			List<String> terms = new ArrayList<>();
			for (Column column : text()) {
				terms.add(alias + column.name() + " = any(?)");
				terms.add(alias + column.name() + " = ?");
			}
			if (this.name.equals("dossier_event")) {
				terms.add(alias + "dossier_id = ?");
			}
			return terms.isEmpty() ? "false" : "(" + String.join(" or ", terms) + ")";
		}

		private int bind(PreparedStatement statement, int index, Array ids, Template template) throws SQLException {
			for (int i = 0; i < text().size(); i++) {
				statement.setArray(index++, ids);
				statement.setString(index++, template.code);
			}
			if (this.name.equals("dossier_event")) {
				statement.setLong(index++, template.dossierId);
			}
			return index;
		}

		/** Ids held by the template's rows of this table: primary keys and references. */
		List<String> ids(Connection connection, Set<String> ids, Template template) throws SQLException {
			List<String> keys = this.columns.stream()
				.filter((c) -> c.text() && (c.primaryKey() || REFERENCES.contains(c.name())))
				.map(Column::name)
				.toList();
			if (keys.isEmpty() || text().isEmpty()) {
				return List.of();
			}
			List<String> found = new ArrayList<>();
			String sql = "select " + String.join(", ", keys) + " from public." + this.name + " where " + match("");
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				bind(statement, 1, connection.createArrayOf("text", ids.toArray()), template);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						for (int i = 1; i <= keys.size(); i++) {
							if (rs.getString(i) != null) {
								found.add(rs.getString(i));
							}
						}
					}
				}
			}
			return found;
		}

		/**
		 * Copies the template's rows to the staging schema and marks its ids and code.
		 */
		int stage(Connection connection, Set<String> ids, Template template) throws SQLException {
			if (text().isEmpty()) {
				return 0;
			}
			Array array = connection.createArrayOf("text", ids.toArray());
			int rows;
			try (PreparedStatement count = connection
				.prepareStatement("select count(*) from public." + this.name + " where " + match(""))) {
				bind(count, 1, array, template);
				try (ResultSet rs = count.executeQuery()) {
					rs.next();
					rows = rs.getInt(1);
				}
			}
			if (rows == 0) {
				return 0;
			}
			String staging = SCHEMA + "." + this.name;
			try (Statement statement = connection.createStatement()) {
				if (!this.staged) {
					statement.execute("create table " + staging + " as select 0 as bench_template, x.* from public."
							+ this.name + " x with no data");
					for (Column column : text()) {
						statement.execute("alter table " + staging + " alter column " + column.name() + " type text");
					}
					this.staged = true;
				}
			}
			try (PreparedStatement insert = connection.prepareStatement("insert into " + staging + " select "
					+ template.no + ", x.* from public." + this.name + " x where " + match("x."))) {
				bind(insert, 1, array, template);
				insert.executeUpdate();
			}
			List<String> sets = new ArrayList<>();
			for (Column column : text()) {
				String c = column.name();
				sets.add(c + " = case when " + c + " = ? then E'\\x02' when " + c + " = any(?) then E'\\x01' || " + c
						+ " else " + c + " end");
			}
			try (PreparedStatement mark = connection.prepareStatement(
					"update " + staging + " set " + String.join(", ", sets) + " where bench_template = ?")) {
				int index = 1;
				for (int i = 0; i < text().size(); i++) {
					mark.setString(index++, template.code);
					mark.setArray(index++, array);
				}
				mark.setInt(index, template.no);
				mark.executeUpdate();
			}
			this.rowsPerClone.merge(template.kind, rows, Math::max);
			return rows;
		}

		/** Reads which columns are marked or hold the code in longer text. */
		void analyse(Connection connection) throws SQLException {
			String staging = SCHEMA + "." + this.name;
			for (Column column : text()) {
				String c = column.name();
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("select bool_or(left(s." + c
								+ ", 1) in (E'\\x01', E'\\x02'))," + " bool_or(strpos(s." + c + ", t.code) > 0) from "
								+ staging + " s join " + SCHEMA + ".template t on t.no = s.bench_template")) {
					rs.next();
					if (rs.getBoolean(1)) {
						this.marked.add(c);
					}
					if (rs.getBoolean(2)) {
						this.containsCode.add(c);
					}
				}
			}
		}

		/**
		 * Values of the template's rows that look like per-instance ids yet were not
		 * found.
		 */
		List<String> unmapped(Connection connection, Template template) throws SQLException {
			List<String> found = new ArrayList<>();
			String staging = SCHEMA + "." + this.name;
			for (Column column : text()) {
				if (SHARED_COLUMNS.contains(column.name())) {
					continue;
				}
				String sql = "select " + column.name() + " from " + staging + " where bench_template = " + template.no
						+ " and " + column.name()
						+ " ~ '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}' and left(" + column.name()
						+ ", 1) <> E'\\x01'";
				try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
					while (rs.next()) {
						found.add("template " + template.code + ": " + this.name + "." + column.name()
								+ " holds an id not cloned: " + rs.getString(1));
					}
				}
			}
			return found;
		}

		/** The statement that clones this table's rows for clones {@code from..to}. */
		String cloneSql(String kind, long from, long to) {
			List<String> names = new ArrayList<>();
			List<String> values = new ArrayList<>();
			for (Column column : this.columns) {
				String value = value(column, kind);
				if (value != null) {
					names.add(column.name());
					values.add(value);
				}
			}
			return "insert into public." + this.name + " (" + String.join(", ", names) + ") select "
					+ String.join(", ", values) + " from " + SCHEMA + "." + this.name + " s join " + SCHEMA
					+ ".clone c on c.template = s.bench_template where c.kind = '" + kind + "' and c.n between " + from
					+ " and " + to + ("completed".equals(kind) ? " and " + COMPLETED_TABLES.get(this.name) : "");
		}

		private String value(Column column, String kind) {
			String key = this.name + "." + column.name();
			String s = "s." + column.name();
			switch (key) {
				case "dossier.id":
					return "c.dossier_id";
				case "dossier_event.dossier_id":
					return "c.dossier_id";
				case "dossier.warning_at":
					return "s.warning_at + c.shift_w";
				case "act_ru_job.duedate_":
					return "s.duedate_ + case when s.handler_cfg_ like '" + DossierLifecycle.TIMER_SLA_WARNING
							+ "%' then c.shift_w else c.shift_d end";
				case "deadline_entry.budget_seconds":
					return "case when s.type = 'RECEIVED' and c.budget is not null then c.budget else s.budget_seconds end";
				case "dossier.overdue_at":
					return "case when s.overdue_at is null then null else s.due_at + c.shift_d end";
				case "dossier.verdict":
					return "completed".equals(kind) ? "c.verdict" : s;
				case "dossier.channel":
					return "c.channel";
				case "dossier.applicant_identity_number":
					return "c.identity";
				case "act_hi_procinst.duration_":
					return "case when s.end_time_ is null then null else (extract(epoch from (s.end_time_ + c.shift_c)"
							+ " - (s.start_time_ + c.shift_r)) * 1000)::bigint end";
				case "act_ru_variable.text_", "act_hi_varinst.text_":
					return "case when s.name_ in ('" + DossierLifecycle.VAR_SLA_DUE_AT + "', '"
							+ DossierLifecycle.VAR_SLA_WARNING_AT + "') and s.text_ <> '9999-12-31T00:00:00Z'"
							+ " then to_char((s.text_::timestamptz + case when s.name_ = '"
							+ DossierLifecycle.VAR_SLA_WARNING_AT
							+ "' then c.shift_w else c.shift_d end) at time zone 'UTC',"
							+ " 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') else " + text(column) + " end";
				default:
			}
			if (column.identity()) {
				return null;
			}
			if (column.instant()) {
				String shift = DEADLINES.contains(key) ? "c.shift_d"
						: COMPLETIONS.contains(key) ? "c.shift_c" : "c.shift_r";
				return s + " + " + shift;
			}
			if (column.text()) {
				return text(column);
			}
			return s;
		}

		private String text(Column column) {
			String s = "s." + column.name();
			String plain = this.containsCode.contains(column.name()) ? "replace(" + s + ", c.tcode, c.code)" : s;
			if (!this.marked.contains(column.name())) {
				return plain;
			}
			return "case left(" + s + ", 1) when E'\\x01' then left(substr(" + s + ", 2), -12) || c.node"
					+ " when E'\\x02' then c.code else " + plain + " end";
		}

	}

}
