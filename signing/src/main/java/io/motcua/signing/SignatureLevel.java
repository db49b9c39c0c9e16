package io.motcua.signing;

/**
 * PAdES baseline level (ETSI EN 319 142-1) of a signature.
 */
public enum SignatureLevel {

	/** Basic signature: CMS with signed attributes, subfilter ETSI.CAdES.detached. */
	PADES_BASELINE_B,

	/** B-B plus an RFC 3161 signature timestamp from a timestamp authority. */
	PADES_BASELINE_T,

	/**
	 * B-T plus the validation data (certificates and CRLs/OCSP responses) of the signer
	 * and the timestamp authority in a document security store (DSS) added in an
	 * incremental update.
	 */
	PADES_BASELINE_LT

}
