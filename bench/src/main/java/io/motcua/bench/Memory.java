package io.motcua.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Workload 7: the application's own memory. Motcua is started as its own process, the way
 * an operator starts it ({@code java -jar engine-app/target/motcua-engine-app-*.jar}), so
 * that its resident set is not mixed with the peers' engines of this JVM. It runs
 * workload 1 through the REST API at the highest client count, on the database workload 3
 * filled when that ran (100,000 open and 1,000,000 completed dossiers), reading worklists
 * and overdue lists meanwhile. Reports the peak resident set ({@code VmHWM}) and the heap
 * in use after a full GC.
 */
final class Memory {

	private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total (\\d+)K, used (\\d+)K");

	/**
	 * The heap limit the README recommends for a district node; {@code --memory-jvm=}
	 * replaces it (an empty value leaves the JVM's defaults: a quarter of the machine's
	 * memory).
	 */
	static final String DEFAULT_JVM = "-Xmx512m";

	private final Bench bench;

	Memory(Bench bench) {
		this.bench = bench;
	}

	void run() throws Exception {
		Path jar = engineJar();
		boolean loaded = this.bench.workloads.contains("3");
		String database = loaded ? MotcuaApp.DATABASE : Postgres.database("motcua_bench_memory");
		if (!loaded) {
			Postgres.recreate(database);
		}
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = this.bench.dir.resolve("target/motcua-memory-app.log").toAbsolutePath();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(this.bench.options.getOrDefault("memory-jvm", DEFAULT_JVM).split(" ")));
		command.removeIf(String::isBlank);
		command.addAll(List.of("-jar", jar.toString(), "--spring.datasource.url=" + Postgres.url(database),
				"--spring.datasource.username=" + Postgres.USER, "--spring.datasource.password=",
				"--server.port=" + port, "--spring.main.banner-mode=off", "--logging.file.name=" + log,
				"--logging.threshold.console=WARN"));
		command.addAll(MotcuaApp.dataDirectories());
		System.out.println("memory: starting " + String.join(" ", command));
		Process app = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(this.bench.dir.resolve("target/motcua-memory-console.log").toFile())
			.start();
		String base = "http://127.0.0.1:" + port;
		try (HikariDataSource pool = Postgres.pool(database, "memory-app-stats")) {
			long startedAt = System.nanoTime();
			awaitReady(app, base);
			double startSeconds = (System.nanoTime() - startedAt) / 1e9;
			long rssAfterStart = status(app.pid(), "VmRSS");
			MotcuaHttpLifecycle lifecycle = new MotcuaHttpLifecycle(base, database, () -> pool);
			int clients = this.bench.threads.stream().mapToInt(Integer::intValue).max().orElse(8);
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong peakRss = new AtomicLong();
			Thread sampler = new Thread(() -> {
				while (running.get()) {
					peakRss.accumulateAndGet(status(app.pid(), "VmRSS"), Math::max);
					try {
						Thread.sleep(250);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "bench-rss-sampler");
			sampler.start();
			Thread reader = new Thread(() -> readLists(lifecycle, running), "bench-list-reader");
			reader.start();
			// At least a minute: the app starts cold, and its first 20 s ran only a few
			// lifecycles while the JIT compiled, too few for a peak that holds
			double seconds = Math.max(this.bench.rounds * this.bench.seconds, this.bench.quick ? 0 : 60);
			Rounds.Result result = Rounds.run(lifecycle, clients, seconds);
			running.set(false);
			sampler.join();
			reader.join();
			long hwm = status(app.pid(), "VmHWM");
			Map<String, Long> heap = heapAfterGc(app.pid());
			Map<String, Object> raw = new LinkedHashMap<>();
			raw.put("jar", jar.toString());
			raw.put("jvmOptions", this.bench.options.getOrDefault("memory-jvm", DEFAULT_JVM));
			raw.put("database", database);
			raw.put("datasetLoaded", loaded);
			raw.put("startSeconds", startSeconds);
			raw.put("rssAfterStartMiB", rssAfterStart / 1024);
			raw.put("peakRssSampledMiB", peakRss.get() / 1024);
			raw.put("vmHwmMiB", hwm / 1024);
			raw.put("heapUsedAfterGcMiB", heap.get("used") / 1024);
			raw.put("heapCommittedAfterGcMiB", heap.get("total") / 1024);
			raw.put("lifecycle", result);
			this.bench.raw.put("memory", raw);
			String clientsText = clients + " (HTTP)";
			this.bench.rows
				.add(new Row("7 Memory", "peak resident set (VmHWM) of the app under workload 1, MiB", clientsText,
						Stats.of(List.of((double) hwm / 1024)), "", null, null, "≤ 1024 MiB", hwm / 1024 <= 1024));
			this.bench.rows.add(new Row("7 Memory",
					"heap in use after a full GC" + (loaded ? ", workload 3's data set in the database" : "") + ", MiB",
					clientsText, Stats.of(List.of((double) heap.get("used") / 1024)), "", null, null, "", null));
			this.bench.notes.add(String
				.format("Memory (workload 7): Motcua ran as its own process (`java %s-jar %s`), started in %.0f s "
						+ "(resident %d MiB after start), then ran %d lifecycles through the REST API at %d clients "
						+ "(%.1f/s) %s; peak resident set %d MiB, heap in use after a full GC %d MiB of %d MiB "
						+ "committed.",
						this.bench.options.getOrDefault("memory-jvm", DEFAULT_JVM).isBlank() ? ""
								: this.bench.options.getOrDefault("memory-jvm", DEFAULT_JVM) + " ",
						this.bench.dir
							.toAbsolutePath()
							.getParent()
							.relativize(jar.toAbsolutePath()),
						startSeconds, rssAfterStart / 1024, result.dossiers(), clients, result.perSecond(),
						loaded ? "on the database of workload 3 (its 1.1 M dossiers), reading worklists and overdue lists "
								+ "meanwhile" : "on an empty database",
						hwm / 1024, heap.get("used") / 1024, heap.get("total") / 1024));
			if (result.errors() > 0) {
				this.bench.notes.add("Memory (workload 7): " + result.errors() + " lifecycles failed, first: "
						+ result.firstError());
			}
		}
		finally {
			app.destroy();
			if (!app.waitFor(60, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
			if (!loaded && !this.bench.options.containsKey("keep")) {
				Postgres.drop(database);
			}
		}
	}

	/** Worklists and overdue lists read alongside the lifecycles, one client. */
	private static void readLists(MotcuaHttpLifecycle lifecycle, AtomicBoolean running) {
		while (running.get()) {
			try {
				lifecycle.send("specialist", "GET", "/api/v1/tasks?size=20", null, 200);
				lifecycle.send("supervisor", "GET", "/api/v1/dossiers?overdue=true&size=20", null, 200);
				Thread.sleep(100);
			}
			catch (Exception ex) {
				System.err.println("memory: a list read failed: " + ex.getMessage());
				return;
			}
		}
	}

	private Path engineJar() throws IOException {
		Path target = Path.of(System.getProperty("bench.engine.dir",
				this.bench.dir.toAbsolutePath().getParent().resolve("engine-app/target").toString()));
		try (Stream<Path> files = Files.list(target)) {
			return files
				.filter((f) -> f.getFileName().toString().matches("motcua-engine-app-.*\\.jar")
						&& !f.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("No engine-app jar in " + target
						+ "; build it with ./mvnw -B -Pbench -pl bench -am package -Dmaven.test.skip=true"));
		}
	}

	private static void awaitReady(Process app, String base) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
		while (System.nanoTime() < deadline) {
			if (!app.isAlive()) {
				throw new IllegalStateException(
						"The application exited with " + app.exitValue() + "; see bench/target/motcua-memory-*.log");
			}
			try {
				HttpResponse<Void> response = client.send(
						HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("The application did not become ready within 3 minutes");
	}

	/** A value in kB from /proc/PID/status. */
	private static long status(long pid, String key) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
				if (line.startsWith(key + ":")) {
					return Long.parseLong(line.replaceAll("[^0-9]", ""));
				}
			}
		}
		catch (IOException ex) {
			// the process ended
		}
		return 0;
	}

	/** Heap total and used in kB after a full GC, as jcmd reports them. */
	private static Map<String, Long> heapAfterGc(long pid) throws IOException, InterruptedException {
		String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
		new ProcessBuilder(jcmd, String.valueOf(pid), "GC.run").redirectErrorStream(true).start().waitFor();
		Process info = new ProcessBuilder(jcmd, String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
		String text = new String(info.getInputStream().readAllBytes());
		info.waitFor();
		Matcher matcher = HEAP_USED.matcher(text);
		if (!matcher.find()) {
			throw new IllegalStateException("Cannot read the heap from jcmd GC.heap_info: " + text);
		}
		return Map.of("total", Long.parseLong(matcher.group(1)), "used", Long.parseLong(matcher.group(2)));
	}

}
