package io.motcua.app.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.motcua.app.audit.AuditedTable;

/**
 * Hashes timeline rows as they are stored now, for the verification of the audit trail.
 */
@Component
class TimelineRows extends AuditedTable {

	static final String TABLE = "dossier_event";

	TimelineRows(JdbcClient jdbc) {
		super(jdbc, TABLE, "dossier_id, at, actor, type, from_status, to_status, detail");
	}

	@Override
	protected String digest(long id, ResultSet row) throws SQLException {
		return DossierEvent.digest(id, row.getLong("dossier_id"), row.getObject("at", OffsetDateTime.class).toInstant(),
				row.getString("actor"), row.getString("type"), row.getString("from_status"), row.getString("to_status"),
				row.getString("detail"));
	}

}
