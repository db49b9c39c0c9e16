package io.motcua.app.system;

import java.sql.Connection;
import java.sql.SQLException;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.stereotype.Component;

/**
 * The database's health ({@code db} in {@code /actuator/health} and its readiness group),
 * answered within about a second even when the database is down or the application's pool
 * is exhausted: it asks through a pool of its own (one connection, half a second to get
 * it), not through the application's, whose requests wait up to five seconds for a
 * connection. Spring Boot's own database check steps aside for this one (same name).
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator, DisposableBean {

	private final HikariDataSource probe;

	DatabaseHealth(DataSourceProperties properties) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("health");
		config.setJdbcUrl(properties.determineUrl());
		config.setUsername(properties.determineUsername());
		config.setPassword(properties.determinePassword());
		config.setMaximumPoolSize(1);
		config.setMinimumIdle(0);
		config.setConnectionTimeout(500);
		config.setValidationTimeout(250);
		// Start even when the database is not there yet: the health then says so
		config.setInitializationFailTimeout(-1);
		this.probe = new HikariDataSource(config);
	}

	@Override
	public Health health() {
		try (Connection connection = this.probe.getConnection()) {
			return connection.isValid(1) ? Health.up().build()
					: Health.down().withDetail("error", "the connection did not answer within a second").build();
		}
		catch (SQLException ex) {
			return Health.down().withDetail("error", ex.getMessage()).build();
		}
	}

	@Override
	public void destroy() {
		this.probe.close();
	}

}
