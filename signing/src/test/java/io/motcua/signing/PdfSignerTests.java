package io.motcua.signing;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(TestPki.Lifecycle.class)
class PdfSignerTests {

	private final TestPki pki = TestPki.get();

	private final PdfSigner signer = new PdfSigner();

	private final PdfSignatureVerifier verifier = new PdfSignatureVerifier(this.pki.trustAnchors());

	@Test
	void signsBaselineBThatVerifiesValid() {
		byte[] signed = this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(1), "Phê duyệt"), this.pki.approver);

		VerificationReport report = this.verifier.verify(signed);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		SignatureReport signature = report.signatures().get(0);
		assertThat(signature.level()).isEqualTo(SignatureLevel.PADES_BASELINE_B);
		assertThat(signature.signerSubject()).contains("Nguyễn Văn An");
		assertThat(signature.certificateSerial()).isEqualTo(this.pki.approver.certificate().getSerialNumber());
		assertThat(signature.coversWholeDocument()).isTrue();
		assertThat(signature.modifiedAfterSigning()).isFalse();
		assertThat(signature.digestValid()).isTrue();
		assertThat(signature.signatureValid()).isTrue();
		assertThat(signature.chainTrusted()).isTrue();
		assertThat(signature.certificateValidAtSigningTime()).isTrue();
		assertThat(signature.revocation()).isEqualTo(SignatureReport.RevocationStatus.NOT_CHECKED);
		assertThat(signature.timestamp()).isNull();
		assertThat(signature.signingTime()).isNotNull();
	}

}
