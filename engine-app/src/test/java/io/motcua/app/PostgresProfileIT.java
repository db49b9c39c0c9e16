package io.motcua.app;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code postgres} profile is for real use: it refuses to start while anyone has the
 * demo password, without the public address the receipts point at, or without signing
 * keys, each with a message that says what to set.
 */
class PostgresProfileIT {

	@Test
	void postgresProfileRefusesToStartWithDemoPasswordsWithoutAPublicAddressOrWithoutSigningKeys() throws Exception {
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
						"--motcua.signature.demo-keys=true", "--MOTCUA_PUBLIC_BASE_URL=https://motcua.dongnai.gov.vn",
						"--server.port=0", "--camunda.bpm.job-execution.enabled=false")
				.close()).hasStackTraceContaining("still have the demo password");
			// No public address: the receipts' QR codes would point at localhost
			assertThatThrownBy(() -> new SpringApplicationBuilder(MotcuaApplication.class).profiles("postgres")
				.run("--MOTCUA_DB_URL=" + url, "--MOTCUA_DB_USER=postgres", "--server.port=0",
						"--camunda.bpm.job-execution.enabled=false")
				.close()).hasStackTraceContaining("motcua.documents.public-base-url");
			// No signing keys: refused at start, not at the first signature
			assertThatThrownBy(() -> new SpringApplicationBuilder(MotcuaApplication.class).profiles("postgres")
				.run("--MOTCUA_DB_URL=" + url, "--MOTCUA_DB_USER=postgres",
						"--MOTCUA_PUBLIC_BASE_URL=https://motcua.dongnai.gov.vn",
						"--MOTCUA_KEY_STORE_DIR=" + java.nio.file.Files.createTempDirectory("no-keys"),
						"--server.port=0", "--camunda.bpm.job-execution.enabled=false")
				.close()).hasStackTraceContaining("Refusing to start: no signing keys");
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
