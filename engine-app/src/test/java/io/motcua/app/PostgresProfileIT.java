package io.motcua.app;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code postgres} profile is for real use: it refuses to start while anyone has the
 * demo password.
 */
class PostgresProfileIT {

	@Test
	void postgresProfileRefusesToStartWithDemoPasswords() throws Exception {
		String database = PostgresTestDatabase.PREFIX + "guard_" + ProcessHandle.current().pid();
		EmbeddedPostgres embedded = null;
		String url;
		if (PostgresTestDatabase.localServerAnswers()) {
			PostgresTestDatabase.recreate(database);
			url = "jdbc:postgresql://127.0.0.1:5432/" + database;
		}
		else {
			embedded = EmbeddedPostgres.builder().start();
			url = embedded.getJdbcUrl("postgres", "postgres");
		}
		try {
			// Command-line arguments: they outrank the profile's own settings, as an
			// operator's would.
			assertThatThrownBy(() -> new SpringApplicationBuilder(MotcuaApplication.class).profiles("postgres")
				.run("--MOTCUA_DB_URL=" + url, "--MOTCUA_DB_USER=postgres", "--motcua.demo.enabled=true",
						"--server.port=0", "--camunda.bpm.job-execution.enabled=false")
				.close()).hasStackTraceContaining("still have the demo password");
		}
		finally {
			if (embedded != null) {
				close(embedded);
			}
		}
	}

	private static void close(EmbeddedPostgres embedded) {
		try {
			embedded.close();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
