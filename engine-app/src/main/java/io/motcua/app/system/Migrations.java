package io.motcua.app.system;

import java.util.Arrays;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Runs Flyway's migrations at start-up, out of order only when one is waiting below the
 * version the database has reached. Each feature numbers its own migrations (V2_x
 * dossier, V6_x documents, ...), so a new one in an earlier feature's range must still
 * apply to a database that has later ones; Flyway's out-of-order mode left on for good
 * would warn at every start of every node, and an operator would learn to ignore it.
 */
@Component
class Migrations implements FlywayMigrationStrategy {

	private static final Logger log = LoggerFactory.getLogger(Migrations.class);

	@Override
	public void migrate(Flyway flyway) {
		// Out-of-order mode off, Flyway marks a migration below the current version
		// as ignored (and its validation would refuse to migrate)
		List<String> behind = Arrays.stream(flyway.info().all())
			.filter((migration) -> migration.getState() == MigrationState.IGNORED)
			.map(Migrations::describe)
			.toList();
		if (behind.isEmpty()) {
			flyway.migrate();
			return;
		}
		log.info("Applying {} migration(s) below the database's version out of order: {}", behind.size(), behind);
		Flyway.configure(flyway.getConfiguration().getClassLoader())
			.configuration(flyway.getConfiguration())
			.outOfOrder(true)
			.load()
			.migrate();
	}

	private static String describe(MigrationInfo migration) {
		return migration.getVersion() + " " + migration.getDescription();
	}

}
