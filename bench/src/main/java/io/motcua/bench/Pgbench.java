package io.motcua.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Peer (c), the ceiling: pgbench on the same server with a custom transaction shaped like
 * one lifecycle step (lock the task row, update it, append a history row, update the case
 * row, commit).
 */
final class Pgbench {

	static final String DATABASE = Postgres.database("motcua_bench_pgbench");

	static final int ROWS = 100_000;

	static final String SCRIPT = """
			\\set id random(1, %d)
			BEGIN;
			SELECT id, rev, assignee FROM bench_task WHERE id = :id FOR UPDATE;
			UPDATE bench_task SET assignee = 'specialist', rev = rev + 1 WHERE id = :id;
			INSERT INTO bench_history (task_id, at, actor, detail) VALUES (:id, now(), 'specialist', 'completed');
			UPDATE bench_case SET status = 'IN_PROGRESS', version = version + 1 WHERE id = :id;
			END;
			""".formatted(ROWS);

	private final String executable;

	private final Path script;

	Pgbench() throws Exception {
		this.executable = System.getProperty("bench.pgbench", "/usr/bin/pgbench");
		Postgres.recreate(DATABASE);
		Postgres.execute(DATABASE, """
				CREATE TABLE bench_task (id int PRIMARY KEY, rev int NOT NULL, assignee varchar(64));
				CREATE TABLE bench_case (id int PRIMARY KEY, status varchar(32), version int NOT NULL);
				CREATE TABLE bench_history (id bigserial PRIMARY KEY, task_id int NOT NULL,
				  at timestamptz NOT NULL, actor varchar(64), detail varchar(255));
				CREATE INDEX ON bench_history (task_id);
				INSERT INTO bench_task SELECT g, 0, NULL FROM generate_series(1, %1$d) g;
				INSERT INTO bench_case SELECT g, 'RECEIVED', 0 FROM generate_series(1, %1$d) g;
				VACUUM ANALYZE;
				""".formatted(ROWS).replace("VACUUM ANALYZE;", ""));
		Postgres.execute(DATABASE, "VACUUM ANALYZE");
		this.script = Files.createTempFile("motcua-bench-step", ".sql");
		Files.writeString(this.script, SCRIPT);
		this.script.toFile().deleteOnExit();
	}

	String version() {
		try {
			Process process = new ProcessBuilder(this.executable, "--version").redirectErrorStream(true).start();
			return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/** Transactions per second over {@code seconds} with {@code clients} connections. */
	double tps(int clients, int seconds) throws Exception {
		Process process = new ProcessBuilder(List.of(this.executable, "-h", Postgres.HOST, "-p",
				String.valueOf(Postgres.PORT), "-U", Postgres.USER, "-n", "-c", String.valueOf(clients), "-j",
				String.valueOf(clients), "-T", String.valueOf(seconds), "-f", this.script.toString(), DATABASE))
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (process.waitFor() != 0) {
			throw new IllegalStateException("pgbench failed: " + output);
		}
		Matcher matcher = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(output);
		if (!matcher.find()) {
			throw new IllegalStateException("No tps in pgbench output: " + output);
		}
		return Double.parseDouble(matcher.group(1));
	}

}
