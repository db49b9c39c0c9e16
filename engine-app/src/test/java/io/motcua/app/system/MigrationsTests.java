package io.motcua.app.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A migration numbered below the database's version (a feature's new migration after a
 * later feature's) is applied; an ordinary start runs without Flyway's out-of-order mode
 * and so without its warning.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsTests {

	@TempDir
	Path folder;

	@Test
	void appliesAMigrationBelowTheDatabasesVersionAndOtherwiseStaysInOrder(CapturedOutput output) throws IOException {
		String url = "jdbc:h2:mem:migrations-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
		Files.writeString(this.folder.resolve("V1_1__dossier.sql"), "create table dossier (id int);");
		Files.writeString(this.folder.resolve("V6_1__document.sql"), "create table document (id int);");
		new Migrations().migrate(flyway(url));
		assertThat(output).doesNotContain("outOfOrder mode is active");

		Files.writeString(this.folder.resolve("V1_2__dossier_note.sql"), "create table dossier_note (id int);");
		assertThatThrownBy(() -> flyway(url).migrate()).isInstanceOf(FlywayException.class).hasMessageContaining("1.2");
		new Migrations().migrate(flyway(url));
		assertThat(flyway(url).info().applied()).extracting((migration) -> migration.getVersion().getVersion())
			.containsExactly("1.1", "6.1", "1.2");
	}

	private Flyway flyway(String url) {
		return Flyway.configure()
			.dataSource(url, "sa", "")
			.locations("filesystem:" + this.folder)
			.cleanDisabled(true)
			.load();
	}

}
