package io.motcua.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
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

	static final String DEFAULT_DATABASE = "motcua_it";

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
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static synchronized void recreate(String database) {
		if (!recreated.add(database)) {
			return;
		}
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
				"postgres", ""); Statement statement = connection.createStatement()) {
			statement.execute("drop database if exists " + database + " with (force)");
			statement.execute("create database " + database);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot create test database " + database + " on the PostgreSQL server at 127.0.0.1:5432", ex);
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
