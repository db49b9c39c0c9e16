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
 * Decisions: bytes outside the signed range that are not zero padding inside /Contents
 * make the signature INVALID. An untrusted chain is INDETERMINATE. A certificate revoked
 * at or before the signing time, or outside its validity period at the signing time, is
 * INVALID. A certificate that expired after an unproven (untimestamped) signing time is
 * INDETERMINATE.
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
				return new VerificationReport(Indication.INDETERMINATE, List.of(), List.of("The PDF is not signed"));
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
			return new VerificationReport(overall(reports), List.copyOf(reports), List.of());
		}
		catch (IOException ex) {
			return new VerificationReport(Indication.INVALID, List.of(),
					List.of("Not a readable PDF: " + ex.getMessage()));
		}
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
