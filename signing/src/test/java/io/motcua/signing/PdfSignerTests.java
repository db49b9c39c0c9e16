package io.motcua.signing;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.X509Certificate;
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

	@Test
	void reservesRoomForTheChainAndATimestampOnly() throws Exception {
		List<X509Certificate> chain = this.pki.approver.chain();
		int issuers = 0;
		for (X509Certificate issuer : chain.subList(1, chain.size())) {
			issuers += issuer.getEncoded().length;
		}
		int baselineB = PdfSigner.contentsSize(SignatureLevel.PADES_BASELINE_B, chain);

		assertThat(baselineB - PdfSigner.contentsSize(SignatureLevel.PADES_BASELINE_B, chain.subList(0, 1)))
			.isEqualTo(issuers);
		assertThat(PdfSigner.contentsSize(SignatureLevel.PADES_BASELINE_T, chain) - baselineB)
			.isEqualTo(PdfSigner.TIMESTAMP_ROOM);
		byte[] signed = this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(1), "Phê duyệt"), this.pki.approver);
		try (PDDocument document = Loader.loadPDF(signed)) {
			int[] byteRange = document.getLastSignatureDictionary().getByteRange();
			// The hex string between < and >
			assertThat(byteRange[2] - byteRange[1] - 2).isEqualTo(2 * baselineB);
		}
		verifiedValid(signed);
	}

	@Test
	void signsBaselineTWithTimestampFromTheAuthority() {
		SignRequest request = new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_T, "Phê duyệt",
				"UBND xã Tân Phú", "Nguyễn Văn An", null, false, this.pki.tsaUrl());

		SignatureReport signature = verifiedValid(this.signer.sign(request, this.pki.approver));

		assertThat(signature.level()).isEqualTo(SignatureLevel.PADES_BASELINE_T);
		assertThat(signature.timestamp()).isNotNull();
		assertThat(signature.timestamp().valid()).isTrue();
		assertThat(signature.timestamp().tsaSubject()).contains("Motcua Test TSA");
		assertThat(signature.signingTime()).isEqualTo(signature.timestamp().time());
	}

	@Test
	void signsBaselineLtWithValidationDataThatVerifiesOffline() {
		SignRequest request = new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_LT, "Phê duyệt", null,
				null, null, false, this.pki.tsaUrl());

		byte[] signed = this.signer.sign(request, this.pki.approver);
		SignatureReport signature = verifiedValid(signed);

		assertThat(signature.level()).isEqualTo(SignatureLevel.PADES_BASELINE_LT);
		assertThat(signature.revocation()).isEqualTo(SignatureReport.RevocationStatus.GOOD);
		// the DSS is an incremental update after the signature, which therefore ends
		// before the file does (pdfsig: "Not total document signed")
		assertThat(signature.coversWholeDocument()).isFalse();
		assertThat(signature.signedLength()).isLessThan(signed.length);
		assertThat(signature.modifiedAfterSigning()).isFalse();
	}

	@Test
	void drawsVisibleSignatureWithSealOnTheChosenPage() throws Exception {
		SignatureAppearance appearance = SignatureAppearance
			.signature(2, 320, 120, 220, 150, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn An",
					TestDocuments.blueSignaturePng())
			.withSeal(TestDocuments.redSealPng(), 100);
		SignRequest request = new SignRequest(TestDocuments.pdf(3), SignatureLevel.PADES_BASELINE_B, "Phê duyệt", null,
				"Nguyễn Văn An", appearance, true, null);

		byte[] signed = this.signer.sign(request, this.pki.approver);

		verifiedValid(signed);
		try (PDDocument document = Loader.loadPDF(signed)) {
			PDSignatureField field = document.getSignatureFields().get(0);
			PDAnnotationWidget widget = field.getWidgets().get(0);
			PDRectangle rectangle = widget.getRectangle();
			assertThat(rectangle.getLowerLeftX()).isEqualTo(320f);
			assertThat(rectangle.getLowerLeftY()).isEqualTo(120f);
			assertThat(rectangle.getWidth()).isEqualTo(220f);
			assertThat(document.getPage(1).getAnnotations()).contains(widget);
			assertThat(
					widget.getAppearance().getNormalAppearance().getAppearanceStream().getResources().getXObjectNames())
				.hasSize(2);
		}
	}

	@Test
	void stampsAttachmentAtTheTopRightOfTheFirstPage() throws Exception {
		SignRequest request = new SignRequest(TestDocuments.pdf(2), SignatureLevel.PADES_BASELINE_T, "Đóng dấu", null,
				"UBND xã Tân Phú", SignatureAppearance.stamp("123/QĐ-UBND"), false, this.pki.tsaUrl());

		byte[] signed = this.signer.sign(request, this.pki.seal);

		verifiedValid(signed);
		try (PDDocument document = Loader.loadPDF(signed)) {
			PDAnnotationWidget widget = document.getSignatureFields().get(0).getWidgets().get(0);
			PDRectangle page = document.getPage(0).getMediaBox();
			assertThat(document.getPage(0).getAnnotations()).contains(widget);
			assertThat(widget.getRectangle().getUpperRightX()).isGreaterThan(page.getWidth() - 40);
			assertThat(widget.getRectangle().getUpperRightY()).isGreaterThan(page.getHeight() - 40);
		}
	}

	@Test
	void approverCertifiesThenSealSignsAndBothStayValid() {
		SignatureAppearance approverBlock = SignatureAppearance.signature(1, 320, 100, 220, 150,
				"KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", "Nguyễn Văn An", TestDocuments.blueSignaturePng());
		byte[] approved = this.signer.sign(new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_T,
				"Phê duyệt", null, "Nguyễn Văn An", approverBlock, true, this.pki.tsaUrl()), this.pki.approver);
		SignatureAppearance sealBlock = SignatureAppearance
			.signature(1, 60, 100, 220, 150, null, "UBND xã Tân Phú", null)
			.withSeal(TestDocuments.redSealPng(), 100);

		byte[] sealed = this.signer.sign(new SignRequest(approved, SignatureLevel.PADES_BASELINE_T, "Đóng dấu", null,
				"UBND xã Tân Phú", sealBlock, false, this.pki.tsaUrl()), this.pki.seal);

		VerificationReport report = this.verifier.verify(sealed);
		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		assertThat(report.signatures()).hasSize(2);
		assertThat(report.signatures().get(0).signerSubject()).contains("Nguyễn Văn An");
		assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
		assertThat(report.signatures().get(0).modifiedAfterSigning()).isFalse();
		assertThat(report.signatures().get(1).signerSubject()).contains("UBND xã Tân Phú");
		assertThat(report.signatures().get(1).coversWholeDocument()).isTrue();
	}

	@Test
	void completesExternalSignatureMadeOverTheSignedAttributes() throws Exception {
		SignRequest request = new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_T, "Phê duyệt", null,
				null, null, true, this.pki.tsaUrl());
		List<java.security.cert.X509Certificate> chain = this.pki.approver.chain();

		PreparedSignature prepared = this.signer.prepare(request, chain);
		Signature token = Signature.getInstance(prepared.signatureAlgorithm());
		token.initSign(this.pki.approver.privateKey());
		token.update(prepared.dataToBeSigned());
		byte[] signed = this.signer.complete(prepared.handle(), token.sign(), chain);

		assertThat(prepared.signatureAlgorithm()).isEqualTo("SHA256withRSA");
		assertThat(verifiedValid(signed).level()).isEqualTo(SignatureLevel.PADES_BASELINE_T);
	}

	@Test
	void completesExternalSignatureMadeOverTheDigestOnly() throws Exception {
		List<java.security.cert.X509Certificate> chain = this.pki.approver.chain();
		PreparedSignature prepared = this.signer.prepare(SignRequest.baselineB(TestDocuments.pdf(2), "Phê duyệt"),
				chain);

		// what a remote signing service does with a hash: RSA PKCS#1 v1.5 over DigestInfo
		byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
				prepared.digest())
			.getEncoded("DER");
		Signature raw = Signature.getInstance("NONEwithRSA");
		raw.initSign(this.pki.approver.privateKey());
		raw.update(digestInfo);
		byte[] signed = this.signer.complete(prepared.handle(), raw.sign(), chain);

		assertThat(prepared.digest()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(prepared.dataToBeSigned()));
		verifiedValid(signed);
	}

	@Test
	void refusesToCompleteWithSignatureValueFromAnotherKey() throws Exception {
		List<java.security.cert.X509Certificate> chain = this.pki.approver.chain();
		PreparedSignature prepared = this.signer.prepare(SignRequest.baselineB(TestDocuments.pdf(1), null), chain);
		Signature other = Signature.getInstance("SHA256withRSA");
		other.initSign(this.pki.seal.privateKey());
		other.update(prepared.dataToBeSigned());
		byte[] wrongValue = other.sign();

		assertThatThrownBy(() -> this.signer.complete(prepared.handle(), wrongValue, chain))
			.isInstanceOf(SigningException.class)
			.hasMessageContaining("does not verify");
	}

	@Test
	void signsWithKeyLoadedFromPkcs12() throws Exception {
		char[] password = "changeit".toCharArray();
		SigningKey key = SigningKey.fromPkcs12(new ByteArrayInputStream(this.pki.approverPkcs12(password)), password,
				null);

		assertThat(key.chain()).hasSize(3);
		verifiedValid(this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(1), null), key));
	}

	@Test
	void rejectsWrongPkcs12Password() throws Exception {
		byte[] store = this.pki.approverPkcs12("changeit".toCharArray());

		assertThatThrownBy(() -> SigningKey.fromPkcs12(new ByteArrayInputStream(store), "wrong".toCharArray(), null))
			.isInstanceOf(SigningException.class);
	}

	@Test
	void refusesToCertifyAnAlreadySignedDocument() {
		byte[] signed = this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(1), null), this.pki.approver);
		SignRequest certify = new SignRequest(signed, SignatureLevel.PADES_BASELINE_B, null, null, null, null, true,
				null);

		assertThatThrownBy(() -> this.signer.sign(certify, this.pki.seal)).isInstanceOf(SigningException.class)
			.hasMessageContaining("first signature");
	}

	@Test
	void requiresTimestampAuthorityForBaselineT() {
		assertThatThrownBy(() -> new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_T, null, null,
				null, null, false, null))
			.isInstanceOf(SigningException.class);
	}

	@Test
	void failsBaselineLtWhenRevocationDataCannotBeFetched() {
		SigningKey noCrl = SigningKey.of(this.pki.approver.privateKey(), List.of(this.pki.approver.certificate()));
		SignRequest request = new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_LT, null, null, null,
				null, false, this.pki.tsaUrl());

		assertThatThrownBy(() -> this.signer.sign(request, noCrl)).isInstanceOf(SigningException.class)
			.hasMessageContaining("B-LT");
	}

	@Test
	void signsWithEcdsaKey() {
		SignRequest request = new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_T, null, null, null,
				null, false, this.pki.tsaUrl());

		SignatureReport signature = verifiedValid(this.signer.sign(request, this.pki.ecdsa));

		assertThat(signature.signerSubject()).contains("Phạm Thị Ê");
	}

	@Test
	void embedsOcspResponsesForBaselineLt() {
		SignRequest request = new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_LT, null, null, null,
				null, false, this.pki.tsaUrl());

		SignatureReport signature = verifiedValid(this.signer.sign(request, this.pki.ocspChecked));

		assertThat(signature.level()).isEqualTo(SignatureLevel.PADES_BASELINE_LT);
		assertThat(signature.revocation()).isEqualTo(SignatureReport.RevocationStatus.GOOD);
	}

	@Test
	void approverAndSealAtBaselineLtBothStayValid() {
		byte[] approved = this.signer.sign(new SignRequest(TestDocuments.pdf(2), SignatureLevel.PADES_BASELINE_LT,
				"Phê duyệt", null, null, null, true, this.pki.tsaUrl()), this.pki.approver);

		byte[] sealed = this.signer.sign(new SignRequest(approved, SignatureLevel.PADES_BASELINE_LT, "Đóng dấu", null,
				null, SignatureAppearance.stamp("45/GCN-UBND"), false, this.pki.tsaUrl()), this.pki.seal);

		VerificationReport report = this.verifier.verify(sealed);
		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		assertThat(report.signatures()).extracting(SignatureReport::level)
			.containsExactly(SignatureLevel.PADES_BASELINE_LT, SignatureLevel.PADES_BASELINE_LT);
	}

	@Test
	void refusesCorruptHandle() {
		List<java.security.cert.X509Certificate> chain = this.pki.approver.chain();

		assertThatThrownBy(() -> this.signer.complete("bm90IGEgaGFuZGxl", new byte[256], chain))
			.isInstanceOf(SigningException.class);
	}

	@Test
	void refusesAppearanceOnMissingPage() {
		SignatureAppearance appearance = SignatureAppearance.signature(3, 100, 100, 200, 100, null, "A", null);
		SignRequest request = new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_B, null, null, null,
				appearance, false, null);

		assertThatThrownBy(() -> this.signer.sign(request, this.pki.approver)).isInstanceOf(SigningException.class)
			.hasMessageContaining("no page 3");
	}

	private SignatureReport verifiedValid(byte[] signed) {
		VerificationReport report = this.verifier.verify(signed);
		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		assertThat(report.signatures()).hasSize(1);
		return report.signatures().get(0);
	}

}
