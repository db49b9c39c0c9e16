package io.motcua.app.operations;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStuck;

/**
 * The record of reactions that failed, written in a transaction of its own (the
 * reaction's own has rolled back). A reaction about a dossier that has failed
 * {@code motcua.reactions.stuck-after} times leaves the dossier stuck, reported in the
 * same transaction.
 */
@Component
class ReactionFailures {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	private final DossierService dossiers;

	private final ReactionProperties properties;

	ReactionFailures(JdbcTemplate jdbc, PlatformTransactionManager transactions, DossierService dossiers,
			ReactionProperties properties) {
		this.jdbc = jdbc;
		this.dossiers = dossiers;
		this.properties = properties;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void record(ReactionKey key, String dossierCode, String eventType, String error, Instant at) {
		String message = (error != null && error.length() > 2000) ? error.substring(0, 2000) : error;
		this.ownTransaction.executeWithoutResult((status) -> {
			int updated = this.jdbc.update(
					"update reaction_failure set attempts = attempts + 1, last_error = ?, last_failed_at = ?"
							+ " where listener_id = ? and event_hash = ?",
					message, Timestamp.from(at), key.listenerId(), key.eventHash());
			int attempts = 1;
			if (updated == 0) {
				this.jdbc.update("insert into reaction_failure (listener_id, event_hash, dossier_code, event_type,"
						+ " attempts, last_error, first_failed_at, last_failed_at) values (?, ?, ?, ?, 1, ?, ?, ?)",
						key.listenerId(), key.eventHash(), dossierCode, eventType, message, Timestamp.from(at),
						Timestamp.from(at));
			}
			else {
				attempts = this.jdbc.queryForObject(
						"select attempts from reaction_failure where listener_id = ? and event_hash = ?", Integer.class,
						key.listenerId(), key.eventHash());
			}
			// Once, when it crosses the line; not for the reaction that tells the
			// supervisors, whose own failure would report itself again and again
			if (attempts == this.properties.stuckAfter() && dossierCode != null
					&& !DossierStuck.class.getName().equals(eventType)) {
				this.dossiers.reportStuck(dossierCode, DossierStuck.Cause.REACTION_FAILED,
						ReactionKey.reactionName(key.listenerId()), message);
			}
		});
	}

	/**
	 * The dossiers with a reaction that failed at least
	 * {@code motcua.reactions.stuck-after} times and has not run since, with the
	 * reaction, its last error and when it first failed, longest first.
	 */
	List<StuckReaction> stuck() {
		return this.jdbc.query(
				"select dossier_code, listener_id, last_error, first_failed_at from reaction_failure"
						+ " where dossier_code is not null and attempts >= ? order by first_failed_at",
				(rs, row) -> new StuckReaction(rs.getString(1), ReactionKey.reactionName(rs.getString(2)),
						rs.getString(3), rs.getTimestamp(4).toInstant()),
				this.properties.stuckAfter());
	}

	Map<ReactionKey, Failure> all() {
		Map<ReactionKey, Failure> failures = new HashMap<>();
		this.jdbc.query("select listener_id, event_hash, attempts, last_error, last_failed_at from reaction_failure",
				(rs) -> {
					failures.put(new ReactionKey(rs.getString(1), rs.getString(2)),
							new Failure(rs.getInt(3), rs.getString(4), rs.getTimestamp(5).toInstant()));
				});
		return failures;
	}

	/** Forgets the failures of reactions that have run since. */
	void forget(List<ReactionKey> done) {
		this.jdbc.batchUpdate("delete from reaction_failure where listener_id = ? and event_hash = ?", done, 500,
				(statement, key) -> {
					statement.setString(1, key.listenerId());
					statement.setString(2, key.eventHash());
				});
	}

	/**
	 * A reaction about a dossier that failed for good.
	 *
	 * @param dossierCode the dossier
	 * @param reaction which reaction
	 * @param lastError its last failure
	 * @param since when it first failed
	 */
	record StuckReaction(String dossierCode, String reaction, String lastError, Instant since) {
	}

	/**
	 * How a reaction has failed so far.
	 *
	 * @param attempts how many runs failed
	 * @param lastError the last failure's message
	 * @param lastFailedAt when it last failed
	 */
	record Failure(int attempts, String lastError, Instant lastFailedAt) {
	}

}
