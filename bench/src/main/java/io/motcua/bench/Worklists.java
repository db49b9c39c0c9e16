package io.motcua.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;

import org.springframework.security.core.context.SecurityContextHolder;

import io.motcua.app.dossier.DossierQueries;
import io.motcua.app.security.Caller;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.sla.CalendarService;
import io.motcua.app.supervision.DashboardService;
import io.motcua.app.supervision.DashboardService.Dashboard;
import io.motcua.app.supervision.DashboardService.Period;
import io.motcua.app.system.PageView;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.TaskView;

/**
 * Workload 3: worklists and supervision at scale. With {@link DataSet}'s open and
 * completed dossiers loaded, the latency (p50 and p99 per round) of a specialist's
 * worklist, a supervisor's overdue list, the supervisor's dashboard and the public
 * lookup, each called through the service the REST controller calls, as the demo user who
 * makes the call; next to the equivalent Camunda task and history queries on the same
 * database (the app's own engine), measured in the same rounds, interleaved.
 */
final class Worklists {

	/** First page of the worklist, as the REST API and the web worklist ask for it. */
	static final int PAGE = 50;

	private final Bench bench;

	private final MotcuaApp app;

	Worklists(Bench bench, MotcuaApp app) {
		this.bench = bench;
		this.app = app;
	}

	void run() throws Exception {
		int open = Integer
			.parseInt(this.bench.options.getOrDefault("dataset-open", this.bench.quick ? "10000" : "100000"));
		int completed = Integer
			.parseInt(this.bench.options.getOrDefault("dataset-completed", this.bench.quick ? "100000" : "1000000"));
		long loadStart = System.nanoTime();
		DataSet data = DataSet.ensure(this.app, open, completed);
		double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
		List<DataSet.Lookup> lookups = data.lookups(5000);

		DossierTasks tasks = this.app.context.getBean(DossierTasks.class);
		DashboardService dashboards = this.app.context.getBean(DashboardService.class);
		DossierQueries dossiers = this.app.context.getBean(DossierQueries.class);
		ProcessEngine engine = this.app.context.getBean(ProcessEngine.class);
		TaskService taskService = engine.getTaskService();
		HistoryService history = engine.getHistoryService();
		StaffDirectory directory = this.app.context.getBean(StaffDirectory.class);
		Caller specialist = caller(directory, "specialist");
		Caller supervisor = caller(directory, "supervisor");
		String[] specialistGroups = specialist.candidateGroups().toArray(String[]::new);
		String[] unitGroups = supervisor.visibleUnits()
			.stream()
			.flatMap((unit) -> List.of(Role.CLERK, Role.SPECIALIST, Role.APPROVER).stream().map((r) -> r.groupIn(unit)))
			.toArray(String[]::new);
		int overdueLimit = dashboards.thresholds().overdueListLimit();
		Period period = as("supervisor", dashboards::defaultPeriod);
		java.time.ZoneId zone = this.app.context.getBean(CalendarService.class).current().zone();
		Date from = Date.from(period.from().atStartOfDay(zone).toInstant());
		Date to = Date.from(period.to().plusDays(1).atStartOfDay(zone).toInstant());

		List<Query> queries = List.of(
				new Query("worklist", "specialist's worklist (first page of " + PAGE + ", by due date)", "specialist",
						() -> tasks.worklist(null, 0, PAGE),
						"Camunda task query (candidate groups, by due date, " + PAGE + ")",
						() -> taskService.createTaskQuery()
							.taskCandidateGroupIn(List.of(specialistGroups))
							.orderByDueDate()
							.asc()
							.listPage(0, PAGE),
						40),
				new Query("overdue", "supervisor's overdue list (up to " + overdueLimit + ")", "supervisor",
						dashboards::overdue,
						"Camunda task query (unit's candidate groups, due before now, by due date, " + overdueLimit
								+ ")",
						() -> taskService.createTaskQuery()
							.taskCandidateGroupIn(List.of(unitGroups))
							.dueBefore(new Date())
							.orderByDueDate()
							.asc()
							.listPage(0, overdueLimit),
						40),
				new Query("dashboard", "supervisor's dashboard (default period)", "supervisor",
						() -> dashboards.dashboard(dashboards.defaultPeriod()),
						"Camunda history counts (started, finished in the period; unfinished)", () -> {
							long started = history.createHistoricProcessInstanceQuery()
								.startedAfter(from)
								.startedBefore(to)
								.count();
							long finished = history.createHistoricProcessInstanceQuery()
								.finishedAfter(from)
								.finishedBefore(to)
								.count();
							long unfinished = history.createHistoricProcessInstanceQuery().unfinished().count();
							return started + finished + unfinished;
						}, 100),
				new Query("lookup", "public lookup (code and secret)", null, () -> {
					DataSet.Lookup lookup = lookups.get(ThreadLocalRandom.current().nextInt(lookups.size()));
					return dossiers.lookup(lookup.code(), lookup.secret())
						.orElseThrow(() -> new IllegalStateException("lookup found nothing for " + lookup.code()));
				}, "Camunda historic process instance by business key", () -> {
					DataSet.Lookup lookup = lookups.get(ThreadLocalRandom.current().nextInt(lookups.size()));
					if (history.createHistoricProcessInstanceQuery()
						.processInstanceBusinessKey(lookup.code())
						.singleResult() == null) {
						throw new IllegalStateException("no historic process instance for " + lookup.code());
					}
					return null;
				}, 10));

		describe(data, loadSeconds, tasks, dashboards, taskService, specialistGroups, unitGroups);

		double seconds = Double
			.parseDouble(this.bench.options.getOrDefault("worklist-seconds", this.bench.quick ? "1.5" : "2"));
		// Warm-up: every query on both sides, results discarded
		for (Query query : queries) {
			Sample motcua = measure(query.user(), query.motcua(), 2, Math.max(1, seconds));
			Sample peer = measure(null, query.peer(), 2, Math.max(1, seconds));
			System.out.printf(
					"warm-up %-10s Motcua p50 %.2f ms p99 %.2f ms (%d calls, %d errors%s); peer p50 %.2f ms"
							+ " p99 %.2f ms (%d calls, %d errors%s)%n",
					query.name(), motcua.p50(), motcua.p99(), motcua.calls(), motcua.errors(), error(motcua),
					peer.p50(), peer.p99(), peer.calls(), peer.errors(), error(peer));
		}
		Map<String, Object> raw = new LinkedHashMap<>();
		for (int clients : List.of(1, 8)) {
			Map<String, List<Sample>> motcua = new LinkedHashMap<>();
			Map<String, List<Sample>> peer = new LinkedHashMap<>();
			for (int r = 0; r < this.bench.rounds; r++) {
				for (Query query : queries) {
					// Interleaved, so that a burst of load from elsewhere hits both
					// sides alike
					Sample m = measure(query.user(), query.motcua(), clients, seconds);
					Sample p = measure(null, query.peer(), clients, seconds);
					motcua.computeIfAbsent(query.name(), (k) -> new ArrayList<>()).add(m);
					peer.computeIfAbsent(query.name(), (k) -> new ArrayList<>()).add(p);
					System.out.printf(
							"clients %d round %d %-10s Motcua p50 %6.2f p99 %6.2f ms (%5d calls)"
									+ " | peer p50 %6.2f p99 %6.2f ms (%5d calls)%n",
							clients, r + 1, query.name(), m.p50(), m.p99(), m.calls(), p.p50(), p.p99(), p.calls());
					note(query, clients, "Motcua", m);
					note(query, clients, "peer", p);
				}
			}
			for (Query query : queries) {
				List<Sample> m = motcua.get(query.name());
				List<Sample> p = peer.get(query.name());
				boolean goalHere = clients == 8;
				Stats mp99 = Stats.of(m.stream().map(Sample::p99).toList());
				this.bench.rows.add(new Row("3 Worklists", query.label() + ": p99, ms", String.valueOf(clients), mp99,
						query.peerName(), Stats.of(p.stream().map(Sample::p99).toList()), ratio(m, p, Sample::p99),
						goalHere ? "p99 < " + query.goalMs() + " ms" : "",
						goalHere ? mp99.median() < query.goalMs() : null));
				this.bench.rows.add(new Row("3 Worklists", query.label() + ": p50, ms", String.valueOf(clients),
						Stats.of(m.stream().map(Sample::p50).toList()), query.peerName(),
						Stats.of(p.stream().map(Sample::p50).toList()), ratio(m, p, Sample::p50), "", null));
				Map<String, Object> perQuery = new LinkedHashMap<>();
				perQuery.put("motcua", m);
				perQuery.put("peer", p);
				raw.put(query.name() + " at " + clients + " clients", perQuery);
			}
		}
		Map<String, Object> worklists = new LinkedHashMap<>();
		worklists.put("dataSet", data.describe());
		worklists.put("secondsPerRound", seconds);
		worklists.put("rounds", raw);
		this.bench.raw.put("worklists", worklists);
	}

	private void describe(DataSet data, double loadSeconds, DossierTasks tasks, DashboardService dashboards,
			TaskService taskService, String[] specialistGroups, String[] unitGroups) {
		PageView<TaskView> worklist = as("specialist", () -> tasks.worklist(null, 0, PAGE));
		int overdue = as("supervisor", () -> dashboards.overdue().size());
		Dashboard dashboard = as("supervisor", () -> dashboards.dashboard(dashboards.defaultPeriod()));
		long engineTasks = taskService.createTaskQuery().taskCandidateGroupIn(List.of(specialistGroups)).count();
		long engineOverdue = taskService.createTaskQuery()
			.taskCandidateGroupIn(List.of(unitGroups))
			.dueBefore(new Date())
			.count();
		this.bench.notes.add(String.format(
				"Worklists (workload 3): data set of %,d open and %,d completed dossiers (%s), made from %d templates"
						+ " through the service layer in %.0f s and cloned with set-based SQL in %.0f s (%.0f s in all"
						+ " for this workload). The specialist's worklist holds %,d steps (the engine: %,d unassigned"
						+ " tasks of %s); the supervisor's overdue list shows %d dossiers (the engine: %,d tasks of"
						+ " the unit's groups due before now); the dashboard's total: %s. Latencies are per call"
						+ " through the service layer, without HTTP; a lookup picks a random cloned dossier.",
				data.open(), data.completed(), "half in each demo commune", data.templateCount(),
				data.templateSeconds(), data.cloneSeconds(), loadSeconds, worklist.totalItems(), engineTasks,
				String.join(", ", specialistGroups), overdue, engineOverdue, dashboard.total().counts()));
	}

	private void note(Query query, int clients, String side, Sample sample) {
		if (sample.errors() > 0) {
			this.bench.notes.add(query.name() + " (" + side + ") at " + clients + " clients: " + sample.errors()
					+ " failed calls in a round, first: " + sample.firstError());
		}
	}

	private static String error(Sample sample) {
		return (sample.firstError() != null) ? ": " + sample.firstError() : "";
	}

	private static Stats ratio(List<Sample> motcua, List<Sample> peer, java.util.function.ToDoubleFunction<Sample> f) {
		List<Double> ratios = new ArrayList<>();
		for (int r = 0; r < motcua.size(); r++) {
			ratios.add(f.applyAsDouble(motcua.get(r)) / f.applyAsDouble(peer.get(r)));
		}
		return Stats.of(ratios);
	}

	private Caller caller(StaffDirectory directory, String user) {
		return as(user, directory::currentCaller);
	}

	private <T> T as(String user, java.util.function.Supplier<T> action) {
		SecurityContextHolder.getContext().setAuthentication(this.app.as(user));
		try {
			return action.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/**
	 * Calls {@code call} from {@code threads} client threads for {@code seconds}, each
	 * thread authenticated as {@code user} (anonymous when null).
	 */
	private Sample measure(String user, Callable<?> call, int threads, double seconds) throws InterruptedException {
		List<List<Double>> perThread = new ArrayList<>();
		AtomicLong errors = new AtomicLong();
		AtomicReference<String> firstError = new AtomicReference<>();
		long deadline = System.nanoTime() + (long) (seconds * 1e9);
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			List<Double> latencies = new ArrayList<>();
			perThread.add(latencies);
			Thread client = new Thread(() -> {
				if (user != null) {
					SecurityContextHolder.getContext().setAuthentication(this.app.as(user));
				}
				try {
					while (System.nanoTime() < deadline) {
						long start = System.nanoTime();
						try {
							call.call();
							latencies.add((System.nanoTime() - start) / 1e6);
						}
						catch (Exception ex) {
							errors.incrementAndGet();
							firstError.compareAndSet(null, ex.toString());
						}
					}
				}
				finally {
					SecurityContextHolder.clearContext();
				}
			}, "bench-worklist-client-" + i);
			clients.add(client);
			client.start();
		}
		for (Thread client : clients) {
			client.join();
		}
		List<Double> all = new ArrayList<>();
		perThread.forEach(all::addAll);
		return new Sample(Stats.percentile(all, 50), Stats.percentile(all, 99), all.size(), errors.get(),
				firstError.get(), Instant.now().toString());
	}

	/**
	 * One query on both sides.
	 *
	 * @param name short name
	 * @param label what Motcua's side is, for the table
	 * @param user the demo user who makes Motcua's call, null for the public lookup
	 * @param motcua Motcua's call, through the service the REST controller calls
	 * @param peerName the peer's query, for the table
	 * @param peer the peer's call on the app's own process engine
	 * @param goalMs the goal on Motcua's p99 at 8 clients
	 */
	private record Query(String name, String label, String user, Callable<?> motcua, String peerName, Callable<?> peer,
			int goalMs) {
	}

	/**
	 * One round of one side of one query.
	 *
	 * @param p50 median latency, ms
	 * @param p99 99th percentile latency, ms
	 * @param calls calls that succeeded
	 * @param errors calls that failed
	 * @param firstError the first failure, null without one
	 * @param at when the round ended
	 */
	record Sample(double p50, double p99, long calls, long errors, String firstError, String at) {
	}

}
