package io.motcua.signing;

/**
 * Outcome of validating a signature or a document (ETSI EN 319 102-1 main indications).
 */
public enum Indication {

	/**
	 * The signature is cryptographically intact, covers the document and chains to a
	 * trust anchor.
	 */
	VALID,

	/**
	 * Nothing is proven wrong, but validity cannot be established (for example no chain
	 * to a trust anchor, an unverifiable timestamp, or revocation after an unproven
	 * signing time).
	 */
	INDETERMINATE,

	/**
	 * The signature is proven wrong: altered signed content, broken signature value, a
	 * disallowed change after signing, a revoked or expired signer certificate at signing
	 * time.
	 */
	INVALID

}
