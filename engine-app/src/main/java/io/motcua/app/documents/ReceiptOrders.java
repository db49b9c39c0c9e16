package io.motcua.app.documents;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Receipts ordered at intake and not printed yet, with the lookup secret they print. The
 * secret is kept nowhere else in clear: it waits here from the intake's commit until the
 * receipt is stored.
 */
@Component
class ReceiptOrders {

	private final JdbcTemplate jdbc;

	ReceiptOrders(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void add(String dossierCode, String lookupSecret, Instant at) {
		this.jdbc.update("insert into receipt_order (dossier_code, lookup_secret, ordered_at) values (?, ?, ?)",
				dossierCode, lookupSecret, Timestamp.from(at));
	}

	/**
	 * The secret of a receipt still to print, its order locked until the transaction
	 * ends: the reaction and a clerk's download that race print it once.
	 */
	Optional<String> lockPending(String dossierCode) {
		List<String> secrets = this.jdbc.queryForList(
				"select lookup_secret from receipt_order where dossier_code = ? for update", String.class, dossierCode);
		return secrets.stream().findFirst();
	}

	void remove(String dossierCode) {
		this.jdbc.update("delete from receipt_order where dossier_code = ?", dossierCode);
	}

}
