package io.motcua.app.sla;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends many ledger entries in one JDBC batch. Hibernate inserts entities with
 * database-generated identities one statement at a time; a calendar change appends one
 * entry to every open dossier.
 */
@Component
class DeadlineEntryInserts {

	private final JdbcTemplate jdbc;

	DeadlineEntryInserts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(List<DeadlineEntry> entries) {
		this.jdbc.batchUpdate("insert into deadline_entry (dossier_code, type, at, budget_seconds, appointment, "
				+ "cut_off, resume_mode, reason, actor, due_before, due_after) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				entries, 500, (statement, stored) -> {
					LedgerEntry entry = stored.entry();
					statement.setString(1, stored.dossierCode());
					statement.setString(2, entry.type().name());
					statement.setTimestamp(3, timestamp(entry.at()));
					if (entry.budget() != null) {
						statement.setLong(4, entry.budget().toSeconds());
					}
					else {
						statement.setNull(4, Types.BIGINT);
					}
					statement.setTimestamp(5, timestamp(entry.appointment()));
					statement.setString(6, (entry.cutOff() != null) ? entry.cutOff().toString() : null);
					statement.setString(7, stored.resumeMode());
					statement.setString(8, entry.reason());
					statement.setString(9, entry.actor());
					statement.setTimestamp(10, timestamp(stored.dueBefore()));
					statement.setTimestamp(11, timestamp(stored.dueAfter()));
				});
	}

	private static Timestamp timestamp(Instant at) {
		return (at != null) ? Timestamp.from(at) : null;
	}

}
