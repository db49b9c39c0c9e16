package io.motcua.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points an integration test's application at PostgreSQL: the server on 127.0.0.1:5432
 * when one answers (a fresh database per JVM and name), otherwise an embedded PostgreSQL
 * owned by the Spring context, so that it stops after the job executor.
 */
public class PostgresTestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/**
	 * Databases of test JVMs are named by process id, so that concurrent builds never
	 * share one.
	 */
	static final String PREFIX = "motcua_it_";

	static final String DEFAULT_DATABASE = PREFIX + ProcessHandle.current().pid();

	private static final Set<String> recreated = new HashSet<>();

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		String database = context.getEnvironment().getProperty("motcua.test.database", DEFAULT_DATABASE);
		Map<String, Object> properties;
		if (localServerAnswers()) {
			recreate(database);
			properties = Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + database,
					"spring.datasource.username", "postgres", "spring.datasource.password", "");
		}
		else {
			EmbeddedPostgres embedded = startEmbedded();
			context.getBeanFactory().registerSingleton("embeddedPostgres", embedded);
			((org.springframework.beans.factory.support.DefaultListableBeanFactory) context.getBeanFactory())
				.registerDisposableBean("embeddedPostgres", embedded::close);
			properties = Map.of("spring.datasource.url", embedded.getJdbcUrl("postgres", "postgres"),
					"spring.datasource.username", "postgres", "spring.datasource.password", "");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("postgres-test", properties));
	}

	static boolean localServerAnswers() {
		// -Dmotcua.test.embedded=true tries the embedded path on a machine that has a
		// server.
		if (Boolean.getBoolean("motcua.test.embedded")) {
			return false;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	static synchronized void recreate(String database) {
		if (!recreated.add(database)) {
			return;
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			dropLeftovers(statement);
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot create test database " + database + " on the PostgreSQL server at 127.0.0.1:5432", ex);
		}
	}

	/** Drops the databases of earlier test JVMs that are no longer running. */
	private static void dropLeftovers(Statement statement) throws SQLException {
		List<String> stale = new ArrayList<>();
		try (ResultSet names = statement
			.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
			while (names.next()) {
				String name = names.getString(1);
				String suffix = name.substring(name.lastIndexOf('_') + 1);
				boolean alive = suffix.matches("[0-9]+") && ProcessHandle.of(Long.parseLong(suffix)).isPresent();
				if (!alive) {
					stale.add(name);
				}
			}
		}
		for (String name : stale) {
			statement.execute("drop database if exists " + name + " with (force)");
		}
	}

	private static EmbeddedPostgres startEmbedded() {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start embedded PostgreSQL", ex);
		}
	}

}
