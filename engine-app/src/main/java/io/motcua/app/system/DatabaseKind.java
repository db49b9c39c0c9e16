package io.motcua.app.system;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, asked once at start-up, for the few statements
 * that differ between PostgreSQL and the embedded H2 (upserts, full-text search).
 */
@Component
public class DatabaseKind {

	private final boolean postgres;

	DatabaseKind(DataSource dataSource) throws SQLException {
		try (Connection connection = dataSource.getConnection()) {
			this.postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
		}
	}

	/** Whether this is PostgreSQL (otherwise H2). */
	public boolean isPostgres() {
		return this.postgres;
	}

}
