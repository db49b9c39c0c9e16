package io.motcua.app.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.audit.AuditReport.ChainBreak;
import io.motcua.app.system.ProblemException;

/**
 * Checks the chains of the audit trail: walks every entry in order, a batch at a time,
 * recomputing each entry's hash, its link to the one before it, and the hash of the row
 * it stands for (asked of that row's owner), and reports each broken chain's first broken
 * position with what was found there. Reads only, each batch in a short transaction of
 * its own, so it runs beside the staff's work; entries appended meanwhile are checked if
 * the walk has not passed their chain yet.
 */
@Service
public class AuditVerification {

	private static final Logger log = LoggerFactory.getLogger(AuditVerification.class);

	private static final String COLUMNS = "chain, position, at, kind, actor, subject, detail, source_table, source_id,"
			+ " source_hash, previous_hash, entry_hash";

	private final JdbcClient jdbc;

	private final Map<String, AuditedRows> sources;

	private final AuditProperties properties;

	private final TransactionTemplate reads;

	private final Clock clock;

	private final AtomicLong brokenChains = new AtomicLong();

	AuditVerification(JdbcClient jdbc, List<AuditedRows> sources, AuditProperties properties,
			PlatformTransactionManager transactions, Clock clock, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.sources = sources.stream().collect(Collectors.toMap(AuditedRows::table, (source) -> source));
		this.properties = properties;
		this.reads = new TransactionTemplate(transactions);
		this.reads.setReadOnly(true);
		this.clock = clock;
		Gauge.builder("motcua.audit.broken.chains", this.brokenChains, AtomicLong::get)
			.description("Chains of the audit trail found broken by the last check of them all:"
					+ " anything above 0 means rows were changed in the database behind the application")
			.register(meters);
	}

	/** Checks every chain; the metric {@code motcua.audit.broken.chains} follows. */
	public AuditReport verifyAll() {
		AuditReport report = walk(null);
		this.brokenChains.set(report.broken().size());
		return report;
	}

	/**
	 * Checks one chain.
	 * @throws ProblemException 404 for a chain that was never written
	 */
	public AuditReport verify(String chain) {
		boolean known = this.reads.execute(
				(status) -> this.jdbc.sql("select count(*) from audit_chain where name = ? and opened_at is not null")
					.param(chain)
					.query(Long.class)
					.single() > 0
						|| this.jdbc.sql("select count(*) from audit_entry where chain = ?")
							.param(chain)
							.query(Long.class)
							.single() > 0);
		if (!known) {
			throw ProblemException.notFound("No audit chain " + chain);
		}
		return walk(chain);
	}

	private AuditReport walk(String only) {
		Instant started = this.clock.instant();
		Walk walk = new Walk();
		String afterChain = (only != null) ? only : "";
		long afterPosition = 0;
		List<AuditEntry> batch;
		do {
			String chainKey = afterChain;
			long positionKey = afterPosition;
			batch = this.reads.execute((status) -> {
				List<AuditEntry> entries = next(only, chainKey, positionKey);
				Map<String, Map<Long, String>> rows = currentRows(entries);
				entries.forEach((entry) -> walk.check(entry, rows));
				return entries;
			});
			if (!batch.isEmpty()) {
				AuditEntry last = batch.get(batch.size() - 1);
				afterChain = last.chain();
				afterPosition = last.position();
			}
		}
		while (batch.size() == this.properties.batchSize());
		this.reads.executeWithoutResult((status) -> emptied(only).forEach((chain) -> {
			walk.chains++;
			walk.broken.add(new ChainBreak(chain, 1, AuditBreak.MISSING,
					"The chain was opened but has no entries: all of them were deleted"));
		}));
		walk.broken.sort((a, b) -> a.chain().compareTo(b.chain()));
		return AuditReport.of(started, only, walk.chains, walk.entries, walk.broken);
	}

	/** The next batch of entries after a place, in the order of chains and positions. */
	private List<AuditEntry> next(String only, String afterChain, long afterPosition) {
		String where = (only != null) ? "chain = ? and position > ?" : "(chain, position) > (?, ?)";
		return this.jdbc
			.sql("select " + COLUMNS + " from audit_entry where " + where + " order by chain, position fetch first "
					+ this.properties.batchSize() + " rows only")
			.params(afterChain, afterPosition)
			.query(AuditVerification::entry)
			.list();
	}

	/** Chains opened whose entries are all gone. */
	private List<String> emptied(String only) {
		String sql = "select name from audit_chain c where c.opened_at is not null"
				+ " and not exists (select 1 from audit_entry e where e.chain = c.name)";
		return (only != null) ? this.jdbc.sql(sql + " and c.name = ?").param(only).query(String.class).list()
				: this.jdbc.sql(sql + " order by name").query(String.class).list();
	}

	/** The hashes of the rows the entries stand for, now, by table and id. */
	private Map<String, Map<Long, String>> currentRows(List<AuditEntry> entries) {
		Map<String, List<Long>> ids = entries.stream()
			.filter((entry) -> entry.sourceTable() != null && entry.sourceId() != null)
			.collect(Collectors.groupingBy(AuditEntry::sourceTable,
					Collectors.mapping(AuditEntry::sourceId, Collectors.toList())));
		Map<String, Map<Long, String>> rows = new HashMap<>();
		ids.forEach((table, tableIds) -> {
			AuditedRows owner = this.sources.get(table);
			if (owner != null) {
				rows.put(table, owner.hashes(tableIds));
			}
			else {
				log.warn("No feature answers for the rows of {}: entries that stand for them are checked"
						+ " without their rows", table);
			}
		});
		return rows;
	}

	/** Where the entry's hash says it was written, when that is not its position. */
	private Optional<Long> writtenAt(AuditEntry entry) {
		Optional<Long> afterPredecessor = AuditDigest.GENESIS.equals(entry.previousHash()) ? Optional.of(1L)
				: this.jdbc.sql("select position from audit_entry where chain = ? and entry_hash = ?")
					.params(entry.chain(), entry.previousHash())
					.query(Long.class)
					.optional()
					.map((position) -> position + 1);
		if (afterPredecessor.isPresent() && afterPredecessor.get() != entry.position()
				&& entry.hashAt(afterPredecessor.get()).equals(entry.entryHash())) {
			return afterPredecessor;
		}
		// The predecessor moved too: try every place the chain has
		long last = this.jdbc.sql("select max(position) from audit_entry where chain = ?")
			.param(entry.chain())
			.query(Long.class)
			.single();
		for (long place = 1; place <= last; place++) {
			if (place != entry.position() && entry.hashAt(place).equals(entry.entryHash())) {
				return Optional.of(place);
			}
		}
		return Optional.empty();
	}

	private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
		long sourceId = rs.getLong("source_id");
		return new AuditEntry(rs.getString("chain"), rs.getLong("position"),
				rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("kind"), rs.getString("actor"),
				rs.getString("subject"), rs.getString("detail"), rs.getString("source_table"),
				rs.wasNull() ? null : sourceId, rs.getString("source_hash"), rs.getString("previous_hash"),
				rs.getString("entry_hash"));
	}

	/** The state of one walk through the chains. */
	private final class Walk {

		private final List<ChainBreak> broken = new ArrayList<>();

		private long chains;

		private long entries;

		private String chain;

		private long expected;

		private String previousHash;

		private boolean skipping;

		void check(AuditEntry entry, Map<String, Map<Long, String>> rows) {
			if (!entry.chain().equals(this.chain)) {
				this.chain = entry.chain();
				this.chains++;
				this.expected = 1;
				this.previousHash = AuditDigest.GENESIS;
				this.skipping = false;
			}
			if (this.skipping) {
				return;
			}
			this.entries++;
			ChainBreak found = firstBreak(entry, rows);
			if (found != null) {
				this.broken.add(found);
				this.skipping = true;
				log.debug("Audit chain {} broken at {}: {}", found.chain(), found.position(), found.reason());
				return;
			}
			this.expected = entry.position() + 1;
			this.previousHash = entry.entryHash();
		}

		private ChainBreak firstBreak(AuditEntry entry, Map<String, Map<Long, String>> rows) {
			String chain = entry.chain();
			if (entry.position() != this.expected) {
				return new ChainBreak(chain, this.expected, AuditBreak.MISSING,
						"Entry " + this.expected + " is missing: the chain goes on at " + entry.position());
			}
			if (!entry.isSound()) {
				return writtenAt(entry)
					.map((place) -> new ChainBreak(chain, entry.position(), AuditBreak.REORDERED,
							"The entry here was written at position " + place))
					.orElseGet(() -> new ChainBreak(chain, entry.position(), AuditBreak.EDITED,
							"The entry's content no longer gives its hash: it was changed after it was written"));
			}
			if (!entry.previousHash().equals(this.previousHash)) {
				return new ChainBreak(chain, entry.position(), AuditBreak.LINK_BROKEN,
						"The entry does not follow entry " + (entry.position() - 1)
								+ ": that one was rewritten with a new hash, or this one was put in by hand");
			}
			if (entry.sourceTable() != null && entry.sourceId() != null) {
				Map<Long, String> current = rows.get(entry.sourceTable());
				if (current == null) {
					return null;
				}
				String now = current.get(entry.sourceId());
				if (now == null) {
					return new ChainBreak(chain, entry.position(), AuditBreak.SOURCE_MISSING,
							"Row " + entry.sourceId() + " of " + entry.sourceTable() + " was deleted");
				}
				if (!now.equals(entry.sourceHash())) {
					return new ChainBreak(chain, entry.position(), AuditBreak.SOURCE_CHANGED, "Row " + entry.sourceId()
							+ " of " + entry.sourceTable() + " was changed after it was written");
				}
			}
			return null;
		}

	}

}
