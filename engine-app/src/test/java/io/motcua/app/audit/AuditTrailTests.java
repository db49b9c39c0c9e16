package io.motcua.app.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.FeatureTest;
import io.motcua.app.audit.AuditReport.ChainBreak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The chains on their own, on H2 (the embedded default's database): what they store, and
 * how verification finds each kind of tampering at its position. Each test writes chains
 * of its own names; the reports of one chain are read, so tests do not see each other's.
 * {@code AuditTrailIT} does the same through the real commands on PostgreSQL.
 */
@FeatureTest
class AuditTrailTests {

	private static final Instant AT = Instant.parse("2026-12-08T02:30:00.123456789Z");

	@Autowired
	AuditTrail trail;

	@Autowired
	AuditVerification verification;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void entriesFollowOneAnotherFromOneWithTheHashOfTheOneBefore() {
		AuditChain chain = write("dossier/HS-INTACT", 3);
		assertThat(this.jdbc.queryForList("select position from audit_entry where chain = ? order by position",
				Long.class, chain.name()))
			.containsExactly(1L, 2L, 3L);
		assertThat(this.jdbc.queryForObject("select previous_hash from audit_entry where chain = ? and position = 1",
				String.class, chain.name()))
			.isEqualTo(AuditDigest.GENESIS);
		assertThat(this.jdbc.queryForObject("select previous_hash from audit_entry where chain = ? and position = 2",
				String.class, chain.name()))
			.isEqualTo(this.jdbc.queryForObject("select entry_hash from audit_entry where chain = ? and position = 1",
					String.class, chain.name()));
		AuditReport report = this.verification.verify(chain.name());
		assertThat(report.intact()).isTrue();
		assertThat(report.chains()).isEqualTo(1);
		assertThat(report.entries()).isEqualTo(3);
	}

	@Test
	void anEntryEditedInTheDatabaseIsFoundAtItsPosition() {
		AuditChain chain = write("dossier/HS-EDITED", 5);
		this.jdbc.update("update audit_entry set actor = 'someone-else' where chain = ? and position = 3",
				chain.name());
		assertThat(brokenAt(chain)).isEqualTo(new Found(3, AuditBreak.EDITED));
	}

	@Test
	void anEntryDeletedIsFoundMissingAtItsPosition() {
		AuditChain chain = write("dossier/HS-DELETED", 5);
		this.jdbc.update("delete from audit_entry where chain = ? and position = 2", chain.name());
		assertThat(brokenAt(chain)).isEqualTo(new Found(2, AuditBreak.MISSING));
	}

	@Test
	void twoEntriesSwappedAreFoundReorderedAtTheFirstOfThem() {
		AuditChain chain = write("dossier/HS-SWAPPED", 5);
		swap(chain, 2, 3);
		assertThat(brokenAt(chain)).isEqualTo(new Found(2, AuditBreak.REORDERED));
		AuditChain far = write("dossier/HS-SWAPPED-FAR", 6);
		swap(far, 2, 5);
		assertThat(brokenAt(far)).isEqualTo(new Found(2, AuditBreak.REORDERED));
	}

	@Test
	void anEntryRewrittenWithARecomputedHashBreaksTheLinkAfterIt() {
		AuditChain chain = write("dossier/HS-REWRITTEN", 4);
		AuditEntry second = this.jdbc.queryForObject(
				"select previous_hash from audit_entry where chain = ? and position = 2",
				(rs, n) -> AuditEntry.of(chain.name(), 2,
						new AuditFact(AuditKind.TIMELINE, AT, "forger", chain.name(), "forged", null), rs.getString(1)),
				chain.name());
		this.jdbc.update(
				"update audit_entry set at = ?, actor = ?, subject = ?, detail = ?, source_table = null, source_id = null,"
						+ " source_hash = null, entry_hash = ? where chain = ? and position = 2",
				OffsetDateTime.ofInstant(second.at(), ZoneOffset.UTC), second.actor(), second.subject(),
				second.detail(), second.entryHash(), chain.name());
		assertThat(brokenAt(chain)).isEqualTo(new Found(3, AuditBreak.LINK_BROKEN));
	}

	@Test
	void aChainWhoseEntriesWereAllDeletedIsFoundAndTakesNoMore() {
		AuditChain chain = write("dossier/HS-EMPTIED", 2);
		this.jdbc.update("delete from audit_entry where chain = ?", chain.name());
		assertThat(brokenAt(chain)).isEqualTo(new Found(1, AuditBreak.MISSING));
		assertThatIllegalStateException().isThrownBy(() -> write(chain.name(), 1)).withMessageContaining("lost");
	}

	@Test
	void theSecurityChainsAreLockedByTheirOwnRowAndAnUnknownOneIsRefused() {
		this.transactions.executeWithoutResult((status) -> this.trail.append(AuditChain.STAFF,
				new AuditFact(AuditKind.STAFF_CHANGE, AT, "admin", "clerk", "password reset", null)));
		assertThat(this.verification.verify("staff").intact()).isTrue();
		assertThatIllegalStateException()
			.isThrownBy(() -> this.transactions.executeWithoutResult((status) -> this.trail
				.append(new AuditChain("nowhere"), new AuditFact(AuditKind.STAFF_CHANGE, AT, "admin", "x", "y", null))))
			.withMessageContaining("No audit chain nowhere");
	}

	@Test
	void instantsAreHashedAsTheDatabaseKeepsThem() {
		assertThat(AuditDigest.of(AT)).isEqualTo(AuditDigest.of(Instant.parse("2026-12-08T02:30:00.123456Z")));
		assertThat(AuditDigest.of("a", "b")).isNotEqualTo(AuditDigest.of("ab")).isNotEqualTo(AuditDigest.of("a;", "b"));
		assertThat(AuditDigest.of((Object) null)).isNotEqualTo(AuditDigest.of(""));
	}

	private AuditChain write(String name, int entries) {
		AuditChain chain = new AuditChain(name);
		for (int i = 1; i <= entries; i++) {
			int n = i;
			this.transactions.executeWithoutResult((status) -> this.trail.append(chain,
					new AuditFact(AuditKind.TIMELINE, AT.plusSeconds(n), "clerk", name, "entry " + n, null)));
		}
		return chain;
	}

	private void swap(AuditChain chain, int first, int second) {
		this.jdbc.update("update audit_entry set position = -1 where chain = ? and position = ?", chain.name(), first);
		this.jdbc.update("update audit_entry set position = ? where chain = ? and position = ?", first, chain.name(),
				second);
		this.jdbc.update("update audit_entry set position = ? where chain = ? and position = -1", second, chain.name());
	}

	private Found brokenAt(AuditChain chain) {
		AuditReport report = this.verification.verify(chain.name());
		assertThat(report.broken()).hasSize(1);
		ChainBreak broken = report.broken().get(0);
		assertThat(broken.chain()).isEqualTo(chain.name());
		return new Found(broken.position(), broken.reason());
	}

	private record Found(long position, AuditBreak reason) {
	}

}
