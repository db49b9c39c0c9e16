package io.motcua.app.dossier;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.motcua.app.system.DatabaseKind;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues dossier codes: unit code, received date and a daily sequence per unit
 * ({@code TRANBIEN-20261122-0007}). The sequence row is incremented inside the intake's
 * transaction, so concurrent intakes of one unit queue on that row and never share a
 * number, and a rolled-back intake leaves no gap.
 */
@Component
class DossierCodes {

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	private final JdbcTemplate jdbc;

	private final boolean postgres;

	DossierCodes(JdbcTemplate jdbc, DatabaseKind database) {
		this.jdbc = jdbc;
		this.postgres = database.isPostgres();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	String next(String unitCode, LocalDate day) {
		int updated = increment(unitCode, day);
		if (updated == 0) {
			createRow(unitCode, day);
			increment(unitCode, day);
		}
		Integer value = this.jdbc.queryForObject(
				"select last_number from dossier_sequence where unit_code = ? and sequence_day = ?", Integer.class,
				unitCode, day);
		return unitCode + "-" + DAY.format(day) + "-" + String.format("%04d", value);
	}

	private int increment(String unitCode, LocalDate day) {
		return this.jdbc.update(
				"update dossier_sequence set last_number = last_number + 1 where unit_code = ? and sequence_day = ?",
				unitCode, day);
	}

	private void createRow(String unitCode, LocalDate day) {
		if (this.postgres) {
			// A failed insert would abort a PostgreSQL transaction; let the database skip
			// the duplicate.
			this.jdbc.update("insert into dossier_sequence (unit_code, sequence_day, last_number) values (?, ?, 0) "
					+ "on conflict do nothing", unitCode, day);
			return;
		}
		try {
			this.jdbc.update("insert into dossier_sequence (unit_code, sequence_day, last_number) values (?, ?, 0)",
					unitCode, day);
		}
		catch (DuplicateKeyException ex) {
			// Another intake created today's row first; ours continues with the update.
		}
	}

}
