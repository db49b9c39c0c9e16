package io.motcua.app.dossier;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import io.motcua.app.dossier.DossierViews.OpenDossier;
import io.motcua.app.dossier.DossierViews.ScheduledDeadline;

/**
 * Set-based access to the deadline columns of many dossiers at once. A calendar change
 * re-projects every open dossier; loading and saving each entity would cost a round trip
 * per dossier and a persistence context that grows with the number of dossiers.
 */
@Component
class DossierDeadlines {

	private final JdbcTemplate jdbc;

	DossierDeadlines(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<OpenDossier> open() {
		return this.jdbc.query(
				"select code, process_instance_id, procedure_code from dossier where completed_at is null order by id",
				(rs, row) -> new OpenDossier(rs.getString(1), rs.getString(2), rs.getString(3)));
	}

	/**
	 * Writes the due dates in one batch; the version moves on, so that a request holding
	 * the dossier from before fails its optimistic lock rather than overwriting them.
	 */
	void schedule(List<ScheduledDeadline> deadlines) {
		this.jdbc.batchUpdate("update dossier set due_at = ?, warning_at = ?, version = version + 1 where code = ?",
				deadlines, 500, (statement, deadline) -> {
					statement.setTimestamp(1, timestamp(deadline.dueAt()));
					statement.setTimestamp(2, timestamp(deadline.warningAt()));
					statement.setString(3, deadline.code());
				});
	}

	private static Timestamp timestamp(Instant at) {
		return (at != null) ? Timestamp.from(at) : null;
	}

}
