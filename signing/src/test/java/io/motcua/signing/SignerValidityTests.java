package io.motcua.signing;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signer certificate outside its validity period is reported as such, with the dates,
 * whether the signature carries a CMS signing-time (most software) or not (this library):
 * never as a signature value that does not verify. pdfsig agrees.
 */
@ExtendWith(TestPki.Lifecycle.class)
class SignerValidityTests {

	private final TestPki pki = TestPki.get();

	private final PdfSignatureVerifier verifier = new PdfSignatureVerifier(this.pki.trustAnchors());

	@Test
	void expiredSignerIsNamedWithItsValidityPeriod() {
		for (byte[] signed : List.of(ours(this.pki.expired),
				ForeignSigner.sign(TestDocuments.pdf(1), this.pki.expired))) {
			SignatureReport signature = single(this.verifier.verify(signed));

			assertThat(signature.indication()).isEqualTo(Indication.INVALID);
			assertThat(signature.digestValid()).isTrue();
			assertThat(signature.signatureValid()).isTrue();
			assertThat(signature.certificateValidAtSigningTime()).isFalse();
			assertThat(signature.chainTrusted()).isTrue();
			assertThat(signature.reasons()).noneMatch((reason) -> reason.contains("signature value"))
				.anyMatch((reason) -> reason.startsWith("the signer certificate had expired at the signing time")
						&& reason.contains("valid from " + this.pki.expired.certificate().getNotBefore().toInstant()
								+ " to " + this.pki.expired.certificate().getNotAfter().toInstant()));
			pdfsigSays(signed, "Certificate has Expired");
		}
	}

	@Test
	void notYetValidSignerIsNamedWithItsValidityPeriod() {
		for (byte[] signed : List.of(ours(this.pki.notYetValid),
				ForeignSigner.sign(TestDocuments.pdf(1), this.pki.notYetValid))) {
			SignatureReport signature = single(this.verifier.verify(signed));

			assertThat(signature.indication()).isEqualTo(Indication.INVALID);
			assertThat(signature.signatureValid()).isTrue();
			assertThat(signature.certificateValidAtSigningTime()).isFalse();
			assertThat(signature.reasons()).noneMatch((reason) -> reason.contains("signature value"))
				.anyMatch((reason) -> reason.startsWith("the signer certificate was not yet valid at the signing time")
						&& reason
							.contains("valid from " + this.pki.notYetValid.certificate().getNotBefore().toInstant()));
			pdfsigSays(signed, "Certificate has Expired");
		}
	}

	@Test
	void signatureFromOtherSoftwareWithASigningTimeIsValid() {
		SignatureReport signature = single(
				this.verifier.verify(ForeignSigner.sign(TestDocuments.pdf(1), this.pki.approver)));

		assertThat(signature.indication()).as(signature.reasons().toString()).isEqualTo(Indication.VALID);
		assertThat(signature.level()).isNull();
	}

	@Test
	void signerFromAnUntrustedRootIsNamedWithThatRoot() {
		PdfSignatureVerifier strangers = new PdfSignatureVerifier(List.of(this.pki.otherRoot));

		SignatureReport signature = single(strangers.verify(ours(this.pki.approver)));

		assertThat(signature.indication()).isEqualTo(Indication.INDETERMINATE);
		assertThat(signature.reasons()).contains("the signer certificate chains to "
				+ this.pki.root.getSubjectX500Principal().getName() + ", which is self-signed and not a trust anchor");
	}

	private byte[] ours(SigningKey key) {
		return new PdfSigner().sign(SignRequest.baselineB(TestDocuments.pdf(1), null), key);
	}

	private static SignatureReport single(VerificationReport report) {
		assertThat(report.signatures()).as(report.toString()).hasSize(1);
		return report.signatures().get(0);
	}

	private static void pdfsigSays(byte[] pdf, String certificateValidation) {
		Assumptions.assumeTrue(Pdfsig.installed(), "poppler's pdfsig is not installed");
		Pdfsig.Signature opinion = Pdfsig.check(pdf).get(0);
		assertThat(opinion.signatureValidation()).as(opinion.output()).isEqualTo("Signature is Valid.");
		assertThat(opinion.certificateValidation()).as(opinion.output()).isEqualTo(certificateValidation);
		assertThat(opinion.totalDocumentSigned()).isTrue();
	}

}
