package io.motcua.app.audit;

import java.time.Instant;

/**
 * One entry of a chain as a row of {@code audit_entry} holds it: read back as stored, so
 * that a value edited into something the application would never write still hashes (and
 * fails to match).
 *
 * @param chain its chain
 * @param position its place in the chain, from 1, without gaps
 * @param at when the fact happened
 * @param kind what happened ({@link AuditKind})
 * @param actor who did it
 * @param subject what it is about
 * @param detail what changed
 * @param sourceTable the table of the row it stands for
 * @param sourceId that row's id
 * @param sourceHash that row's hash when the entry was written
 * @param previousHash the hash of the entry before it ({@link AuditDigest#GENESIS} for
 * the first)
 * @param entryHash its own hash, over all of the above
 */
record AuditEntry(String chain, long position, Instant at, String kind, String actor, String subject, String detail,
		String sourceTable, Long sourceId, String sourceHash, String previousHash, String entryHash) {

	/** The entry a fact becomes at {@code position}, after {@code previousHash}. */
	static AuditEntry of(String chain, long position, AuditFact fact, String previousHash) {
		AuditedRow source = fact.source();
		AuditEntry unsealed = new AuditEntry(chain, position, fact.at(), fact.kind().name(), fact.actor(),
				fact.subject(), fact.detail(), (source != null) ? source.table() : null,
				(source != null) ? source.id() : null, (source != null) ? source.hash() : null, previousHash, null);
		return unsealed.withHash(unsealed.hashAt(position));
	}

	/**
	 * The hash of this content at a place in the chain: the chain, the position and the
	 * previous hash are part of it, so the same row moved elsewhere no longer matches.
	 */
	String hashAt(long place) {
		return AuditDigest.of(this.chain, place, this.previousHash, this.at, this.kind, this.actor, this.subject,
				this.detail, this.sourceTable, this.sourceId, this.sourceHash);
	}

	/** Whether the stored hash is the one its content gives at its own position. */
	boolean isSound() {
		return hashAt(this.position).equals(this.entryHash);
	}

	private AuditEntry withHash(String hash) {
		return new AuditEntry(this.chain, this.position, this.at, this.kind, this.actor, this.subject, this.detail,
				this.sourceTable, this.sourceId, this.sourceHash, this.previousHash, hash);
	}

}
