package io.motcua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The PostgreSQL server the benchmarks run against: creates and drops the
 * {@code motcua_bench_*} databases and reads their commit counters.
 */
final class Postgres {

	static final String HOST = System.getProperty("bench.pg.host", "127.0.0.1");

	static final int PORT = Integer.getInteger("bench.pg.port", 5432);

	static final String USER = System.getProperty("bench.pg.user", "postgres");

	private Postgres() {
	}

	/**
	 * A benchmark database's name; {@code -Dbench.db.suffix=} keeps two runs on one
	 * server apart.
	 */
	static String database(String name) {
		return name + System.getProperty("bench.db.suffix", "");
	}

	static String url(String database) {
		return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + database;
	}

	static Connection admin() throws SQLException {
		return DriverManager.getConnection(url("postgres"), USER, "");
	}

	static void recreate(String database) throws SQLException {
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database);
		}
	}

	static void drop(String database) {
		try (Connection connection = admin(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			System.err.println("Could not drop " + database + ": " + ex.getMessage());
		}
	}

	/** Transactions committed in {@code database} so far (pg_stat_database). */
	static long commits(String database) {
		try (Connection connection = admin();
				Statement statement = connection.createStatement();
				ResultSet rs = statement
					.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = '" + database + "'")) {
			return rs.next() ? rs.getLong(1) : 0;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String scalar(String database, String sql) {
		try (Connection connection = DriverManager.getConnection(url(database), USER, "");
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			return rs.next() ? rs.getString(1) : null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static void execute(String database, String sql) {
		try (Connection connection = DriverManager.getConnection(url(database), USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A pool with HikariCP's defaults (10 connections), the pool Spring Boot gives
	 * Motcua.
	 */
	static HikariDataSource pool(String database, String name) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(url(database));
		config.setUsername(USER);
		config.setPassword("");
		config.setPoolName(name);
		return new HikariDataSource(config);
	}

	/**
	 * Closes the idle connections of a pool so that their server processes flush their
	 * statistics; pg_stat_database is exact only after that.
	 */
	static void flushStats(DataSource dataSource) {
		if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
			hikari.getHikariPoolMXBean().softEvictConnections();
		}
		try {
			Thread.sleep(400);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
