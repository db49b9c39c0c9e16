package io.motcua.app.signature;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.motcua.app.audit.AuditedRows;

/**
 * Hashes signature rows as they are stored now, for the verification of the audit trail.
 */
@Component
class SignatureRows implements AuditedRows {

	static final String TABLE = "result_signature";

	private final JdbcClient jdbc;

	SignatureRows(JdbcClient jdbc) {
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
			.sql("select id, dossier_code, document_id, role, signer_subject, certificate_serial, signature_level,"
					+ " signed_at, signed_by from result_signature where id in (:ids)")
			.param("ids", ids)
			.query((rs) -> {
				long id = rs.getLong("id");
				hashes.put(id, SignatureRecord.digest(id, rs.getString("dossier_code"), rs.getLong("document_id"),
						rs.getString("role"), rs.getString("signer_subject"), rs.getString("certificate_serial"),
						rs.getString("signature_level"), rs.getObject("signed_at", OffsetDateTime.class).toInstant(),
						rs.getString("signed_by")));
			});
		return hashes;
	}

}
