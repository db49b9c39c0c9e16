package io.motcua.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The benchmark suite: Motcua against a plain Camunda 7 engine, Flowable 7 and pgbench on
 * the same PostgreSQL server, in one run. Prints the table, writes
 * {@code bench/results/<date>.json} and {@code bench/RESULTS.md}. Never asserts a timing.
 *
 * <p>
 * Options: {@code --quick} (short rounds, for development), {@code --rounds=N},
 * {@code --seconds=S} (per round), {@code --threads=1,2,4,8},
 * {@code --workloads=1,2,3,4,5,6,7}, {@code --keep} (keep the databases).
 */
public final class Bench {

	final Map<String, String> options = new LinkedHashMap<>();

	final List<Row> rows = new ArrayList<>();

	final Map<String, Object> raw = new LinkedHashMap<>();

	final List<String> notes = new ArrayList<>();

	final boolean quick;

	final int rounds;

	final double seconds;

	final List<Integer> threads;

	final List<String> workloads;

	final Path dir;

	private Bench(String[] args) {
		for (String arg : args) {
			String[] kv = arg.replaceFirst("^--", "").split("=", 2);
			this.options.put(kv[0], (kv.length > 1) ? kv[1] : "true");
		}
		this.quick = this.options.containsKey("quick");
		this.rounds = Integer.parseInt(this.options.getOrDefault("rounds", this.quick ? "2" : "5"));
		this.seconds = Double.parseDouble(this.options.getOrDefault("seconds", this.quick ? "2" : "4"));
		this.threads = List.of(this.options.getOrDefault("threads", this.quick ? "1,4" : "1,2,4,8").split(","))
			.stream()
			.map(Integer::parseInt)
			.toList();
		this.workloads = List.of(this.options.getOrDefault("workloads", "1,2,3,4,5,6,7").split(","));
		Path bench = Path.of(System.getProperty("bench.dir", Files.isDirectory(Path.of("bench")) ? "bench" : "."));
		this.dir = bench;
	}

	public static void main(String[] args) throws Exception {
		new Bench(args).run();
		System.exit(0);
	}

	private void run() throws Exception {
		Instant started = Instant.now();
		Map<String, Object> machine = Machine.describe();
		String loadBefore = Machine.loadAverage();
		System.out.println("Motcua benchmarks: " + this.options + " on " + machine.get("cpu") + ", load " + loadBefore);
		Files.createDirectories(this.dir.resolve("target"));
		System.setProperty("bench.log", this.dir.resolve("target/motcua-bench-app.log").toString());
		// The app's documents and keys go under bench/target, not into the working copy's
		// ./data
		System.setProperty("bench.data", this.dir.resolve("target/data").toAbsolutePath().toString());
		MotcuaApp app = MotcuaApp.start(MotcuaApp.DATABASE, List.of());
		Map<String, Object> versions = new LinkedHashMap<>();
		try (CamundaLifecycle camunda = new CamundaLifecycle(); FlowableLifecycle flowable = new FlowableLifecycle()) {
			Pgbench pgbench = new Pgbench();
			versions.putAll(Machine.versions(app, pgbench));
			workload("1", () -> lifecycle(app, camunda, flowable, pgbench));
			workload("3", () -> new Worklists(this, app).run());
			workload("4", () -> new Reprojection(this, app).run());
			workload("5", () -> new Signing(this).run());
			workload("6", () -> new DocumentIntake(this, app).run());
			workload("7", () -> new Memory(this).run());
		}
		finally {
			app.close();
			if (!this.options.containsKey("keep")) {
				for (String database : List.of(MotcuaApp.DATABASE, CamundaLifecycle.DATABASE,
						FlowableLifecycle.DATABASE, Pgbench.DATABASE)) {
					Postgres.drop(database);
				}
			}
		}
		String loadAfter = Machine.loadAverage();
		double minutes = (Instant.now().toEpochMilli() - started.toEpochMilli()) / 60000.0;
		report(started, machine, versions, loadBefore, loadAfter, minutes);
	}

	/**
	 * Runs a selected workload; one that fails is reported in the notes and the others
	 * still run, so that a long run is not lost to one error.
	 */
	private void workload(String number, Workload workload) {
		if (!this.workloads.contains(number)) {
			return;
		}
		long started = System.nanoTime();
		try {
			workload.run();
		}
		catch (Exception | AssertionError ex) {
			ex.printStackTrace();
			this.notes.add("Workload " + number + " failed and has no rows: " + ex);
		}
		System.out.printf("workload %s took %.1f minutes%n", number, (System.nanoTime() - started) / 60e9);
	}

	/**
	 * pgbench's rate is steady within a second or two; longer slices would only lengthen
	 * the run.
	 */
	private int pgbenchSeconds() {
		return (int) Math.max(1, Math.min(2, Math.round(this.seconds)));
	}

	@FunctionalInterface
	private interface Workload {

		void run() throws Exception;

	}

	private void lifecycle(MotcuaApp app, CamundaLifecycle camunda, FlowableLifecycle flowable, Pgbench pgbench)
			throws Exception {
		Lifecycle service = new MotcuaServiceLifecycle(app);
		Lifecycle http = new MotcuaHttpLifecycle(app);
		List<Lifecycle> subjects = new ArrayList<>(List.of(service, camunda, flowable));
		if (this.workloads.contains("2")) {
			subjects.add(http);
		}
		// Warm-up: every subject, at four clients for 15 s, results discarded.
		// Motcua's paths (PDF rendering, signing, Tika) need that long for the
		// JIT: after 6 s at two clients, its first rounds ran a third slower.
		for (Lifecycle subject : subjects) {
			Rounds.Result warm = Rounds.run(subject, this.quick ? 2 : 4, this.quick ? 2 : 15);
			System.out.printf("warm-up %-24s %6.1f dossiers/s (%d errors%s)%n", subject.name(), warm.perSecond(),
					warm.errors(), (warm.firstError() != null) ? ": " + warm.firstError() : "");
		}
		int pgbenchSeconds = pgbenchSeconds();
		Map<String, Object> rawLifecycle = new LinkedHashMap<>();
		for (int t : this.threads) {
			Map<String, List<Rounds.Result>> results = new LinkedHashMap<>();
			List<Double> tps = new ArrayList<>();
			for (int r = 0; r < this.rounds; r++) {
				// Interleaved, so that a burst of load from elsewhere hits every
				// subject alike
				for (Lifecycle subject : subjects) {
					Rounds.Result result = Rounds.run(subject, t, this.seconds);
					results.computeIfAbsent(subject.name(), (k) -> new ArrayList<>()).add(result);
					if (result.errors() > 0) {
						this.notes.add(subject.name() + " at " + t + " clients: " + result.errors()
								+ " failed lifecycles in a round, first: " + result.firstError());
					}
				}
				tps.add(pgbench.tps(t, pgbenchSeconds));
				System.out.printf("clients %d round %d: %s, pgbench %.0f tps%n", t, r + 1,
						results.entrySet()
							.stream()
							.map((e) -> String.format("%s %.1f/s %.1f commits", e.getKey(),
									last(e.getValue()).perSecond(), last(e.getValue()).commitsPerDossier()))
							.toList(),
						tps.get(tps.size() - 1));
			}
			List<Rounds.Result> motcua = results.get(service.name());
			String clients = String.valueOf(t);
			// Goals of issue 14 (one lifecycle spine), at 4 clients, every reaction
			// counted
			boolean goalHere = t == 4;
			this.rows
				.add(pair("1 Lifecycle", "dossiers/s", clients, motcua, camunda.name(), results.get(camunda.name()),
						Rounds.Result::perSecond, goalHere ? "≥ 0.5×" : "", goalHere ? 0.5 : null));
			this.rows
				.add(pair("1 Lifecycle", "dossiers/s", clients, motcua, flowable.name(), results.get(flowable.name()),
						Rounds.Result::perSecond, goalHere ? "≥ 0.6×" : "", goalHere ? 0.6 : null));
			List<Double> ceiling = new ArrayList<>();
			List<Double> ceilingRatio = new ArrayList<>();
			for (int r = 0; r < this.rounds; r++) {
				double perDossier = motcua.get(r).commitsPerDossier();
				ceiling.add(tps.get(r) / perDossier);
				ceilingRatio.add(motcua.get(r).perSecond() / (tps.get(r) / perDossier));
			}
			this.rows.add(new Row("1 Lifecycle", "dossiers/s", clients, stats(motcua, Rounds.Result::perSecond),
					"ceiling: pgbench step TPS ÷ Motcua commits/dossier", Stats.of(ceiling), Stats.of(ceilingRatio), "",
					null));
			this.rows.add(pair("1 Lifecycle", "DB commits/dossier", clients, motcua, camunda.name(),
					results.get(camunda.name()), Rounds.Result::commitsPerDossier, "", null));
			this.rows.add(pair("1 Lifecycle", "DB commits/dossier", clients, motcua, flowable.name(),
					results.get(flowable.name()), Rounds.Result::commitsPerDossier, "", null));
			this.rows.add(new Row("1 Lifecycle", "pgbench step TPS", clients, null, "pgbench", Stats.of(tps), null, "",
					null));
			if (results.containsKey(http.name())) {
				this.rows.add(pair("2 Through HTTP", "dossiers/s", clients, results.get(http.name()),
						"Motcua service layer", motcua, Rounds.Result::perSecond, "≥ 0.7×", 0.7));
			}
			Map<String, Object> perSubject = new LinkedHashMap<>();
			results.forEach((name, list) -> perSubject.put(name, list));
			perSubject.put("pgbench tps", tps);
			rawLifecycle.put(clients + " clients", perSubject);
		}
		this.raw.put("lifecycle", rawLifecycle);
	}

	private static Rounds.Result last(List<Rounds.Result> results) {
		return results.get(results.size() - 1);
	}

	static Stats stats(List<Rounds.Result> results, ToDoubleFunction<Rounds.Result> figure) {
		return Stats.of(results.stream().map(figure::applyAsDouble).toList());
	}

	private static Row pair(String workload, String figure, String clients, List<Rounds.Result> motcua, String peer,
			List<Rounds.Result> peerResults, ToDoubleFunction<Rounds.Result> value, String goal, Double threshold) {
		List<Double> ratios = new ArrayList<>();
		for (int r = 0; r < motcua.size(); r++) {
			ratios.add(value.applyAsDouble(motcua.get(r)) / value.applyAsDouble(peerResults.get(r)));
		}
		Stats ratio = Stats.of(ratios);
		return new Row(workload, figure, clients, stats(motcua, value), peer, stats(peerResults, value), ratio, goal,
				(threshold == null) ? null : ratio.median() >= threshold);
	}

	private void report(Instant started, Map<String, Object> machine, Map<String, Object> versions, String loadBefore,
			String loadAfter, double minutes) throws IOException {
		StringBuilder table = new StringBuilder(Row.header());
		this.rows.forEach((row) -> table.append(row.markdown()));
		String command = "./mvnw -B -Pbench -pl bench -am package -Dmaven.test.skip=true && java -jar bench/target/motcua-bench.jar"
				+ (this.options.isEmpty() ? ""
						: " " + String.join(" ",
								this.options.entrySet()
									.stream()
									.map((e) -> "true".equals(e.getValue()) ? "--" + e.getKey()
											: "--" + e.getKey() + "=" + e.getValue())
									.toList()));
		this.notes.add(0, String.format("Load average before %s, after %s (1, 5, 15 min) on %s cores.", loadBefore,
				loadAfter, machine.get("cores")));
		System.out.println();
		System.out.println(table);
		this.notes.forEach((note) -> System.out.println("- " + note));
		System.out.printf("%nTook %.1f minutes.%n", minutes);

		Files.createDirectories(this.dir.resolve("results"));
		String date = LocalDate.ofInstant(started, ZoneOffset.UTC).toString();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("started", started.toString());
		json.put("minutes", minutes);
		json.put("command", command);
		json.put("machine", machine);
		json.put("versions", versions);
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("options", this.options);
		settings.put("rounds", this.rounds);
		settings.put("secondsPerRound", this.seconds);
		settings.put("clientThreads", this.threads);
		settings.put("workloads", this.workloads);
		settings.put("motcua",
				"default application.yml (history level audit, job executor on, Hikari default pool "
						+ "of 10) with spring.datasource.* pointed at " + MotcuaApp.DATABASE
						+ ", demo data on, INFO logging " + "to a file");
		settings.put("camunda", "StandaloneProcessEngineConfiguration defaults (history audit), HikariCP default "
				+ "pool of 10, job executor on");
		settings.put("flowable", "StandaloneProcessEngineConfiguration defaults (history audit), HikariCP default "
				+ "pool of 10, async executor on");
		settings.put("pgbench", "custom script, -n -c N -j N -T " + pgbenchSeconds() + ": " + Pgbench.SCRIPT);
		json.put("settings", settings);
		json.put("rows", this.rows);
		json.put("notes", this.notes);
		json.put("raw", this.raw);
		ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).findAndRegisterModules();
		Path file = this.dir.resolve("results/" + date + (this.quick ? "-quick" : "") + ".json");
		mapper.writeValue(file.toFile(), json);
		System.out.println("Wrote " + file);

		String md = """
				# Benchmark results

				Latest run: %s (%s), %.1f minutes%s.

				```bash
				%s
				```

				Machine: %s, %s cores, %s MiB memory, %s, %s. Versions: %s.
				Every ratio is Motcua ÷ peer per round (median [min–max] over %d rounds of %.0f s after a warm-up),
				the peers measured in the same run, interleaved round by round, on the same PostgreSQL server.
				What each workload measures and how to read the ratios: [README.md](README.md). Raw rounds: [results/%s](results/%s).

				%s
				## Notes

				%s
				"""
			.formatted(date, started, minutes, this.quick ? " (**--quick**: too few rounds to quote)" : "", command,
					machine.get("cpu"), machine.get("cores"), machine.get("memoryMiB"), machine.get("os"),
					machine.get("jvm"), versions, this.rounds, this.seconds, file.getFileName(), file.getFileName(),
					table, String.join("\n", this.notes.stream().map((n) -> "- " + n).toList()));
		Files.writeString(this.dir.resolve("RESULTS.md"), md, StandardCharsets.UTF_8);
		System.out.println("Wrote " + this.dir.resolve("RESULTS.md"));
	}

}
