package io.motcua.app.signature;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.motcua.app.audit.AuditedTable;

/**
 * Hashes signature rows as they are stored now, for the verification of the audit trail.
 */
@Component
class SignatureRows extends AuditedTable {

	static final String TABLE = "result_signature";

	SignatureRows(JdbcClient jdbc) {
		super(jdbc, TABLE, "dossier_code, document_id, role, signer_subject, certificate_serial, signature_level,"
				+ " signed_at, signed_by");
	}

	@Override
	protected String digest(long id, ResultSet row) throws SQLException {
		return SignatureRecord.digest(id, row.getString("dossier_code"), row.getLong("document_id"),
				row.getString("role"), row.getString("signer_subject"), row.getString("certificate_serial"),
				row.getString("signature_level"), row.getObject("signed_at", OffsetDateTime.class).toInstant(),
				row.getString("signed_by"));
	}

}
