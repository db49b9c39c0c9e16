package io.motcua.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rows of one table, read back as plain columns and hashed by the feature that owns
 * them: whatever was written into them by hand is hashed too. The owner names its columns
 * and says how one row is hashed; reading them by id is the same for all.
 */
public abstract class AuditedTable implements AuditedRows {

	private final JdbcClient jdbc;

	private final String table;

	private final String columns;

	/**
	 * @param table the table's name, as {@link AuditedRow#table()} names it
	 * @param columns the columns {@link #digest} reads, besides {@code id}
	 */
	protected AuditedTable(JdbcClient jdbc, String table, String columns) {
		this.jdbc = jdbc;
		this.table = table;
		this.columns = columns;
	}

	@Override
	public String table() {
		return this.table;
	}

	@Override
	public Map<Long, String> hashes(Collection<Long> ids) {
		Map<Long, String> hashes = new HashMap<>();
		if (ids.isEmpty()) {
			return hashes;
		}
		this.jdbc.sql("select id, " + this.columns + " from " + this.table + " where id in (:ids)")
			.param("ids", ids)
			.query((row) -> {
				long id = row.getLong("id");
				hashes.put(id, digest(id, row));
			});
		return hashes;
	}

	/** The {@link AuditDigest} of one row, as its owner hashed it when it was written. */
	protected abstract String digest(long id, ResultSet row) throws SQLException;

}
