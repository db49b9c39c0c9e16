package io.motcua.app.dossier;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.motcua.app.audit.AuditedRows;

/**
 * Hashes timeline rows as they are stored now, for the verification of the audit trail:
 * read as plain columns, so whatever was written into them by hand is hashed too.
 */
@Component
class TimelineRows implements AuditedRows {

	static final String TABLE = "dossier_event";

	private final JdbcClient jdbc;

	TimelineRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String table() {
		return TABLE;
	}

	@Override
	public Map<Long, String> hashes(Collection<Long> ids) {
		Map<Long, String> hashes = new HashMap<>();
		if (ids.isEmpty()) {
			return hashes;
		}
		this.jdbc
			.sql("select id, dossier_id, at, actor, type, from_status, to_status, detail from dossier_event"
					+ " where id in (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				long id = rs.getLong("id");
				hashes.put(id,
						DossierEvent.digest(id, rs.getLong("dossier_id"),
								rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("actor"),
								rs.getString("type"), rs.getString("from_status"), rs.getString("to_status"),
								rs.getString("detail")));
			});
		return hashes;
	}

}
