package io.motcua.app.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a verification of the audit trail found.
 *
 * @param checkedAt when it started
 * @param chain the one chain checked, or null for all
 * @param chains how many chains it checked
 * @param entries how many entries it checked, up to the first broken one of each chain
 * @param intact whether no chain is broken
 * @param broken each broken chain with its first broken position, in the order of the
 * chains' names
 */
public record AuditReport(Instant checkedAt, String chain, long chains, long entries, boolean intact,
		List<ChainBreak> broken) {

	static AuditReport of(Instant checkedAt, String chain, long chains, long entries, List<ChainBreak> broken) {
		return new AuditReport(checkedAt, chain, chains, entries, broken.isEmpty(), List.copyOf(broken));
	}

	/**
	 * The first broken link of a chain.
	 *
	 * @param chain the chain's name
	 * @param position the first position where it is broken
	 * @param reason how
	 * @param explanation what was found there, for the operator
	 */
	public record ChainBreak(String chain, long position, AuditBreak reason, String explanation) {
	}

}
