/**
 * PAdES signing and verification of PDF results.
 * <p>
 * {@link io.motcua.signing.PdfSigner} signs (B-B, B-T, B-LT; with a
 * {@link io.motcua.signing.SigningKey} or in two steps for tokens and remote signing),
 * {@link io.motcua.signing.PdfSignatureVerifier} verifies and returns a
 * {@link io.motcua.signing.VerificationReport}. Everything else in this package is
 * package-private implementation on Apache PDFBox and Bouncy Castle. See
 * {@code docs/SECURITY.md} for the choice of libraries and the verification decisions.
 */
package io.motcua.signing;
