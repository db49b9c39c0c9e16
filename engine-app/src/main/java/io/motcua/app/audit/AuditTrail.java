package io.motcua.app.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends facts to the chains of the audit trail, in the transaction of the command that
 * caused them: an entry commits with its fact or not at all, so nothing is left
 * unchained.
 */
@Service
public class AuditTrail {

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends {@code fact} to {@code chain} at the next position, after the chain's last
	 * entry. A dossier's chain is written only by the dossier feature, which holds the
	 * dossier row's lock when it calls (the same lock that numbers the dossier's events),
	 * so it must be called in that transaction. Any other chain is locked here, through
	 * its row in {@code audit_chain}, until the transaction ends: keep such transactions
	 * short.
	 * @return the entry's position
	 * @throws IllegalStateException when the chain is unknown or has lost its entries
	 * (someone deleted them; the verification says where)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public long append(AuditChain chain, AuditFact fact) {
		String name = chain.name();
		boolean opened;
		if (chain.lockedByItsOwner()) {
			opened = false;
		}
		else {
			List<Instant> row = this.jdbc.sql("select opened_at from audit_chain where name = ? for update")
				.param(name)
				.query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
					.map(OffsetDateTime::toInstant)
					.orElse(null))
				.list();
			if (row.isEmpty()) {
				throw new IllegalStateException("No audit chain " + name + " in the audit_chain table");
			}
			opened = row.get(0) != null;
		}
		Optional<Head> head = this.jdbc
			.sql("select position, entry_hash from audit_entry where chain = ? order by position desc"
					+ " fetch first 1 rows only")
			.param(name)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional();
		if (head.isEmpty()) {
			open(chain, fact.at(), opened);
		}
		long position = head.map((last) -> last.position() + 1).orElse(1L);
		AuditEntry entry = AuditEntry.of(name, position, fact, head.map(Head::entryHash).orElse(AuditDigest.GENESIS));
		this.jdbc
			.sql("insert into audit_entry (chain, position, at, kind, actor, subject, detail, source_table,"
					+ " source_id, source_hash, previous_hash, entry_hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(entry.chain(), entry.position(), OffsetDateTime.ofInstant(entry.at(), ZoneOffset.UTC), entry.kind(),
					entry.actor(), entry.subject(), entry.detail(), entry.sourceTable(), entry.sourceId(),
					entry.sourceHash(), entry.previousHash(), entry.entryHash())
			.update();
		return position;
	}

	/**
	 * Marks a chain as having entries when its first is written: a chain marked so
	 * without entries lost them all. One that lost them is not begun again, which would
	 * hide the loss.
	 */
	private void open(AuditChain chain, Instant at, boolean opened) {
		String name = chain.name();
		OffsetDateTime when = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
		if (chain.lockedByItsOwner()) {
			opened = this.jdbc.sql("select count(*) from audit_chain where name = ?")
				.param(name)
				.query(Long.class)
				.single() > 0;
			if (!opened) {
				this.jdbc.sql("insert into audit_chain (name, opened_at) values (?, ?)").params(name, when).update();
			}
		}
		else if (!opened) {
			this.jdbc.sql("update audit_chain set opened_at = ? where name = ?").params(when, name).update();
		}
		if (opened) {
			throw new IllegalStateException("The audit chain " + name
					+ " has lost its entries (they were deleted from audit_entry); nothing more is appended to it"
					+ " until an administrator has looked: see GET /api/v1/admin/audit/verification?chain=" + name);
		}
	}

	private record Head(long position, String entryHash) {
	}

}
