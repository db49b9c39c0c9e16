package io.motcua.signing;

/**
 * First half of a two-step (external) signature: what the token, HSM or remote signing
 * service must sign, and the handle to complete the signature with.
 * <p>
 * The signer signs either {@link #dataToBeSigned()} with {@link #signatureAlgorithm()}
 * (for example {@code SHA256withRSA}, when the device hashes itself), or the precomputed
 * {@link #digest()} (a raw SHA-256 hash of the same bytes, for devices and services that
 * sign a hash: RSA PKCS#1 v1.5 over the DigestInfo, or ECDSA over the hash). Both give
 * the same signature value.
 *
 * @param dataToBeSigned DER encoding of the CMS signed attributes, never {@code null}
 * @param digest hash of {@link #dataToBeSigned()} with {@link #digestAlgorithm()}, never
 * {@code null}
 * @param digestAlgorithm JCA name of the digest algorithm, {@code SHA-256}
 * @param signatureAlgorithm JCA name of the signature algorithm, {@code SHA256withRSA} or
 * {@code SHA256withECDSA} depending on the signer's key
 * @param handle opaque Base64 text carrying the prepared PDF and the signed attributes;
 * the caller stores it and passes it to {@link PdfSigner#complete}; never {@code null}
 */
public record PreparedSignature(byte[] dataToBeSigned, byte[] digest, String digestAlgorithm, String signatureAlgorithm,
		String handle) {

}
