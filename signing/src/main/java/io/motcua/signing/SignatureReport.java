package io.motcua.signing;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * Result of validating one signature of a PDF.
 *
 * @param fieldName fully qualified name of the signature field; may be {@code null} for a
 * signature dictionary outside any field
 * @param signerSubject RFC 2253 subject of the signer certificate; {@code null} if the
 * CMS could not be read
 * @param certificateSerial serial number of the signer certificate; {@code null} if
 * unknown
 * @param signingTime best known signing time: the timestamp's time when a valid timestamp
 * exists, otherwise the claimed time (/M); may be {@code null}
 * @param level PAdES level detected; {@code null} for signatures that are not PAdES (for
 * example {@code adbe.pkcs7.detached}) or unreadable
 * @param coversWholeDocument the byte range starts at 0, leaves out exactly the /Contents
 * value and ends at the end of the file; {@code false} for a signature followed by later
 * revisions or by any other bytes (as poppler's {@code pdfsig} says "Not total document
 * signed"); what follows is described by {@link VerificationReport#uncovered()} and, for
 * later revisions, by {@link #modifiedAfterSigning()}
 * @param signedLength where the signed byte range ends: the length of the revision this
 * signature covers; 0 when the byte range is unusable
 * @param modifiedAfterSigning a later incremental update changed something other than
 * further signatures, their fields and document security store data
 * @param digestValid the document digest matches the message-digest attribute
 * @param signatureValid the signature value verifies with the signer certificate's key
 * @param chainTrusted the signer certificate chains to a configured trust anchor
 * @param certificateValidAtSigningTime the signer certificate was within its validity
 * period at {@link #signingTime()}; when not, a reason gives the period and the time
 * @param revocation revocation status of the signer certificate, never {@code null}
 * @param timestamp the signature timestamp, or {@code null} when there is none
 * @param indication the outcome for this signature, never {@code null}
 * @param reasons human-readable findings explaining the indication, never {@code null}
 */
public record SignatureReport(String fieldName, String signerSubject, BigInteger certificateSerial, Instant signingTime,
		SignatureLevel level, boolean coversWholeDocument, long signedLength, boolean modifiedAfterSigning,
		boolean digestValid, boolean signatureValid, boolean chainTrusted, boolean certificateValidAtSigningTime,
		RevocationStatus revocation, TimestampInfo timestamp, Indication indication, List<String> reasons) {

	/**
	 * Revocation status of the signer certificate.
	 */
	public enum RevocationStatus {

		/** A CRL or OCSP response says the certificate is not revoked. */
		GOOD,

		/** The certificate is revoked; see the reasons for the date. */
		REVOKED,

		/** Revocation checking was done but no usable CRL or OCSP response was found. */
		UNKNOWN,

		/** No revocation data in the document and online checking is off. */
		NOT_CHECKED

	}

	/**
	 * The signature timestamp (RFC 3161) of a signature.
	 *
	 * @param time the time asserted by the timestamp authority, never {@code null}
	 * @param valid the token is intact, its imprint matches the signature value and its
	 * authority chains to a trust anchor
	 * @param tsaSubject subject of the timestamp authority certificate; may be
	 * {@code null}
	 */
	public record TimestampInfo(Instant time, boolean valid, String tsaSubject) {

	}

}
