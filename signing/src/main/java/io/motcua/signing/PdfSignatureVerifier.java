package io.motcua.signing;

import java.io.IOException;
import java.net.http.HttpClient;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;

/**
 * Verifies the signatures of a PDF against configured trust anchors.
 * <p>
 * For each signature it checks the byte range (starts at 0, leaves out exactly the
 * /Contents hex string, ends at the end of the file or of its revision), the CMS
 * (document digest, signature value, signing-certificate attribute, nothing but zero
 * padding after the CMS), the timestamp, the chain to a trust anchor, the certificate's
 * validity at signing time, revocation (document security store data, and online CRL/OCSP
 * when enabled), and that later incremental updates changed nothing but further
 * signatures, form values and validation data.
 * <p>
 * After the last signed revision it reads what follows (see {@link UncoveredBytes}):
 * well-formed incremental updates are judged against every signature as above; whitespace
 * makes the document at best INDETERMINATE; bytes no cross-reference reaches (garbage,
 * objects without a cross-reference entry, a cross-reference section the file never
 * points to) make it INVALID. Like poppler's {@code pdfsig}, a signature covers the whole
 * document only when its byte range ends at the end of the file.
 * <p>
 * Decisions: bytes outside the signed range that are not zero padding inside /Contents
 * make the signature INVALID. An untrusted chain is INDETERMINATE. A certificate revoked
 * at or before the signing time, or outside its validity period at the signing time, is
 * INVALID. A certificate that expired after an unproven (untimestamped) signing time is
 * INDETERMINATE. Every reason names what failed: the certificate and its validity period,
 * the uncovered bytes and what they hold.
 * <p>
 * Instances are immutable and thread-safe.
 */
public final class PdfSignatureVerifier {

	private final Set<TrustAnchor> trustAnchors;

	private final List<X509Certificate> anchorCertificates;

	private final RevocationClient online;

	private final Clock clock;

	/**
	 * Creates a verifier that trusts the given certificates and checks revocation only
	 * with data embedded in the document (no network).
	 * @param trustAnchors trusted root (or intermediate) certificates, not {@code null};
	 * may be empty, in which case no signature is better than INDETERMINATE
	 */
	public PdfSignatureVerifier(List<X509Certificate> trustAnchors) {
		this(trustAnchors, null, Clock.systemUTC());
	}

	private PdfSignatureVerifier(List<X509Certificate> trustAnchors, RevocationClient online, Clock clock) {
		Objects.requireNonNull(trustAnchors, "trustAnchors");
		this.anchorCertificates = List.copyOf(trustAnchors);
		Set<TrustAnchor> anchors = new LinkedHashSet<>();
		for (X509Certificate certificate : this.anchorCertificates) {
			anchors.add(new TrustAnchor(certificate, null));
		}
		this.trustAnchors = Set.copyOf(anchors);
		this.online = online;
		this.clock = clock;
	}

	/**
	 * Returns a verifier that also fetches CRLs and OCSP responses over HTTP from the
	 * URLs in the certificates when the document does not embed them.
	 * @param timeout timeout of each request, not {@code null}
	 * @return a new verifier; this one is unchanged
	 */
	public PdfSignatureVerifier withOnlineRevocation(Duration timeout) {
		Objects.requireNonNull(timeout, "timeout");
		HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
		return new PdfSignatureVerifier(this.anchorCertificates, new RevocationClient(http, timeout), this.clock);
	}

	/**
	 * Returns a verifier that uses the given clock as "now" (for certificates that
	 * expired after an untimestamped signature).
	 * @param clock the clock, not {@code null}
	 * @return a new verifier; this one is unchanged
	 */
	public PdfSignatureVerifier withClock(Clock clock) {
		return new PdfSignatureVerifier(this.anchorCertificates, this.online, Objects.requireNonNull(clock, "clock"));
	}

	/**
	 * Verifies every signature of a PDF. Never throws for bad signatures or unreadable
	 * files: those are INVALID in the report.
	 * @param pdf the PDF, not {@code null}
	 * @return the report, never {@code null}
	 */
	public VerificationReport verify(byte[] pdf) {
		Objects.requireNonNull(pdf, "pdf");
		try (PDDocument document = Loader.loadPDF(pdf)) {
			Map<COSDictionary, String> fieldNames = new IdentityHashMap<>();
			for (PDSignatureField field : document.getSignatureFields()) {
				PDSignature signature = field.getSignature();
				if (signature != null) {
					fieldNames.put(signature.getCOSObject(), field.getFullyQualifiedName());
				}
			}
			List<PDSignature> signatures = new ArrayList<>(document.getSignatureDictionaries());
			signatures.sort(Comparator.comparingLong(PdfSignatureVerifier::end));
			if (signatures.isEmpty()) {
				return new VerificationReport(Indication.INDETERMINATE, List.of(), List.of(),
						List.of("The PDF is not signed"));
			}
			ValidationContext context = new ValidationContext(pdf, document, this.trustAnchors, this.online,
					this.clock.instant());
			List<SignatureReport> reports = new ArrayList<>();
			int docMdp = 0;
			for (PDSignature signature : signatures) {
				int permission = PdfSigner.DocMdp.permission(signature.getCOSObject());
				if (permission != 0) {
					docMdp = (docMdp == 0) ? permission : Math.min(docMdp, permission);
				}
				reports
					.add(new SignatureValidation(context, signature, fieldNames.get(signature.getCOSObject()), docMdp)
						.validate());
			}
			List<UncoveredBytes> uncovered = uncovered(pdf, signatures);
			List<String> reasons = new ArrayList<>();
			Indication indication = overall(reports);
			for (UncoveredBytes bytes : uncovered) {
				reasons.add(reason(bytes));
				if (bytes.kind() == UncoveredBytes.Kind.UNREFERENCED) {
					indication = Indication.INVALID;
				}
				else if (bytes.kind() == UncoveredBytes.Kind.WHITESPACE && indication == Indication.VALID) {
					indication = Indication.INDETERMINATE;
				}
			}
			return new VerificationReport(indication, List.copyOf(reports), List.copyOf(uncovered),
					List.copyOf(reasons));
		}
		catch (IOException ex) {
			return new VerificationReport(Indication.INVALID, List.of(), List.of(),
					List.of("Not a readable PDF: " + ex.getMessage()));
		}
	}

	/**
	 * What follows the end of the last signed revision: from the furthest end of a usable
	 * byte range to the end of the file.
	 */
	private static List<UncoveredBytes> uncovered(byte[] pdf, List<PDSignature> signatures) {
		long signedEnd = 0;
		for (PDSignature signature : signatures) {
			int[] range = signature.getByteRange();
			if (range != null && range.length == 4 && range[0] == 0 && range[1] > 0 && range[3] >= 0) {
				long end = (long) range[2] + range[3];
				if (end <= pdf.length) {
					signedEnd = Math.max(signedEnd, end);
				}
			}
		}
		if (signedEnd == 0 || signedEnd >= pdf.length) {
			return List.of();
		}
		if (!SignatureValidation.endsWithEof(pdf, (int) signedEnd)) {
			return List.of(new UncoveredBytes(signedEnd, pdf.length, UncoveredBytes.Kind.UNREFERENCED,
					"the last signature's byte range ends inside a revision"));
		}
		return IncrementalUpdates.after(pdf, (int) signedEnd);
	}

	private static String reason(UncoveredBytes bytes) {
		String range = "bytes " + bytes.start() + "-" + bytes.end() + " (" + bytes.length()
				+ ((bytes.length() == 1) ? " byte)" : " bytes)");
		return switch (bytes.kind()) {
			case INCREMENTAL_UPDATE -> range + " after the last signature are " + bytes.description()
					+ "; no signature covers it, every signature was checked against its changes";
			case WHITESPACE -> range + " after the last signed revision are whitespace that no signature covers:"
					+ " they hide nothing, but the file is not exactly the one that was signed";
			case UNREFERENCED -> range + " after the last signed revision are covered by no signature and are not"
					+ " part of any revision: " + bytes.description();
		};
	}

	private static long end(PDSignature signature) {
		int[] range = signature.getByteRange();
		return (range != null && range.length == 4) ? (long) range[2] + range[3] : Long.MAX_VALUE;
	}

	private static Indication overall(List<SignatureReport> reports) {
		Indication result = Indication.VALID;
		for (SignatureReport report : reports) {
			if (report.indication() == Indication.INVALID) {
				return Indication.INVALID;
			}
			if (report.indication() == Indication.INDETERMINATE) {
				result = Indication.INDETERMINATE;
			}
		}
		return result;
	}

}
