package io.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(TestPki.Lifecycle.class)
class PdfSignatureVerifierTests {

	private final TestPki pki = TestPki.get();

	private final PdfSigner signer = new PdfSigner();

	private final PdfSignatureVerifier verifier = new PdfSignatureVerifier(this.pki.trustAnchors());

	@Test
	void byteChangedInsideTheSignedRangeIsInvalid() {
		byte[] signed = signedB(1);
		// inside the header's binary comment: the file still parses, the digest no longer
		// matches
		signed[11] ^= 0x01;

		SignatureReport signature = single(this.verifier.verify(signed), Indication.INVALID);

		assertThat(signature.digestValid()).isFalse();
		assertThat(signature.reasons()).anyMatch((reason) -> reason.contains("digest"));
	}

	@Test
	void byteChangedInTheContentsPaddingOutsideTheSignedRangeIsInvalid() {
		byte[] signed = signedB(1);
		int[] range = byteRange(signed);
		// the last hex digit of /Contents, in the zero padding after the CMS
		signed[range[2] - 2] = '1';

		SignatureReport signature = single(this.verifier.verify(signed), Indication.INVALID);

		assertThat(signature.digestValid()).isTrue();
		assertThat(signature.reasons()).anyMatch((reason) -> reason.contains("after the CMS"));
	}

	@Test
	void byteChangedInTheCmsInsideContentsIsInvalid() {
		byte[] signed = signedB(1);
		int[] range = byteRange(signed);
		// a hex digit in the middle of the CMS (inside the certificates or the signature
		// value)
		int position = range[1] + 1 + 2000;
		signed[position] = (byte) ((signed[position] == 'A') ? 'B' : 'A');

		single(this.verifier.verify(signed), Indication.INVALID);
	}

	@Test
	void incrementalUpdateChangingPageContentIsInvalid() throws Exception {
		byte[] signed = signedB(2);
		byte[] attacked;
		try (PDDocument document = Loader.loadPDF(signed)) {
			PDPage page = document.getPage(0);
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
				content.newLineAtOffset(72, 700);
				content.showText("Khong duoc phep: 0 dong");
				content.endText();
			}
			attacked = saveIncremental(document);
		}

		SignatureReport signature = single(this.verifier.verify(attacked), Indication.INVALID);

		assertThat(signature.digestValid()).isTrue();
		assertThat(signature.signatureValid()).isTrue();
		assertThat(signature.modifiedAfterSigning()).isTrue();
		assertThat(signature.reasons()).anyMatch((reason) -> reason.startsWith("page 1"));
	}

	@Test
	void incrementalUpdateAddingAnAnnotationIsInvalid() throws Exception {
		byte[] signed = this.signer.sign(new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_B, null,
				null, null, null, true, null), this.pki.approver);
		byte[] attacked;
		try (PDDocument document = Loader.loadPDF(signed)) {
			PDPage page = document.getPage(0);
			PDAnnotationText note = new PDAnnotationText();
			note.setRectangle(new PDRectangle(100, 100, 20, 20));
			note.setContents("Đã sửa");
			List<PDAnnotation> annotations = page.getAnnotations();
			annotations.add(note);
			page.setAnnotations(annotations);
			attacked = saveIncremental(document);
		}

		SignatureReport signature = single(this.verifier.verify(attacked), Indication.INVALID);

		assertThat(signature.modifiedAfterSigning()).isTrue();
		assertThat(signature.reasons()).anyMatch((reason) -> reason.contains("annotation /Text added"));
	}

	@Test
	void incrementalUpdateReplacingTheCatalogOpenActionIsInvalid() throws Exception {
		byte[] signed = signedB(1);
		byte[] attacked;
		try (PDDocument document = Loader.loadPDF(signed)) {
			document.getDocumentCatalog().setPageLabels(null);
			document.getDocumentCatalog().getCOSObject().setString(org.apache.pdfbox.cos.COSName.LANG, "en-US");
			attacked = saveIncremental(document);
		}

		SignatureReport signature = single(this.verifier.verify(attacked), Indication.INVALID);

		assertThat(signature.reasons()).anyMatch((reason) -> reason.contains("catalog entry /Lang"));
	}

	@Test
	void byteRangeThatStopsShortOfTheFileIsInvalid() {
		byte[] signed = signedB(1);
		int[] range = byteRange(signed);
		String original = "/ByteRange [0 " + range[1] + " " + range[2] + " " + range[3] + "]";
		String shorter = "/ByteRange [0 " + range[1] + " " + range[2] + " " + (range[3] - 100);
		byte[] attacked = replace(signed, original,
				shorter + " ".repeat(original.length() - shorter.length() - 1) + "]");

		SignatureReport signature = single(this.verifier.verify(attacked), Indication.INVALID);

		assertThat(signature.coversWholeDocument()).isFalse();
	}

	@Test
	void secondContentsInLaterUpdateWrappingTheSignatureIsInvalid() throws Exception {
		byte[] signed = signedB(1);
		byte[] otherCms;
		try (PDDocument other = Loader.loadPDF(signedB(1))) {
			otherCms = other.getLastSignatureDictionary().getContents();
		}
		byte[] attacked;
		try (PDDocument document = Loader.loadPDF(signed)) {
			PDSignature signature = document.getLastSignatureDictionary();
			signature.setContents(otherCms);
			signature.getCOSObject().setNeedToBeUpdated(true);
			attacked = saveIncremental(document);
		}

		VerificationReport report = this.verifier.verify(attacked);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INVALID);
	}

	@Test
	void laterChangeInvalidatesTheFirstOfTwoSignatures() throws Exception {
		byte[] approved = this.signer.sign(new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_B, null,
				null, null, null, true, null), this.pki.approver);
		byte[] attacked;
		try (PDDocument document = Loader.loadPDF(approved)) {
			PDAnnotationText note = new PDAnnotationText();
			note.setRectangle(new PDRectangle(100, 100, 20, 20));
			List<PDAnnotation> annotations = document.getPage(0).getAnnotations();
			annotations.add(note);
			document.getPage(0).setAnnotations(annotations);
			attacked = saveIncremental(document);
		}
		byte[] sealed = this.signer.sign(SignRequest.baselineB(attacked, "Đóng dấu"), this.pki.seal);

		VerificationReport report = this.verifier.verify(sealed);

		assertThat(report.indication()).isEqualTo(Indication.INVALID);
		assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.INVALID);
		assertThat(report.signatures().get(1).indication()).isEqualTo(Indication.VALID);
	}

	@Test
	void incrementalUpdateAddingAPageIsInvalid() throws Exception {
		byte[] signed = signedB(2);
		byte[] attacked;
		try (PDDocument document = Loader.loadPDF(signed)) {
			document.addPage(new PDPage(PDRectangle.A4));
			document.getPages().getCOSObject().setNeedToBeUpdated(true);
			attacked = saveIncremental(document);
		}

		SignatureReport signature = single(this.verifier.verify(attacked), Indication.INVALID);

		assertThat(signature.reasons()).anyMatch((reason) -> reason.contains("number of pages"));
	}

	@Test
	void laterRevisionOfADocumentWhosePageHasNoResourcesIsCompared() throws Exception {
		byte[] pdf;
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage(PDRectangle.A4));
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			pdf = out.toByteArray();
		}
		byte[] approved = this.signer.sign(SignRequest.baselineB(pdf, "Phê duyệt"), this.pki.approver);
		byte[] sealed = this.signer.sign(SignRequest.baselineB(approved, "Đóng dấu"), this.pki.seal);

		VerificationReport report = this.verifier.verify(sealed);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		assertThat(report.signatures().get(0).modifiedAfterSigning()).isFalse();
	}

	@Test
	void signerWithOcspResponderIsCheckedOnline() {
		byte[] signed = this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(1), null), this.pki.ocspChecked);

		SignatureReport signature = single(this.verifier.withOnlineRevocation(Duration.ofSeconds(5)).verify(signed),
				Indication.VALID);

		assertThat(signature.revocation()).isEqualTo(SignatureReport.RevocationStatus.GOOD);
	}

	@Test
	void untrustedRootIsIndeterminate() {
		PdfSignatureVerifier strangers = new PdfSignatureVerifier(List.of(this.pki.otherRoot));

		SignatureReport signature = single(strangers.verify(signedB(1)), Indication.INDETERMINATE);

		assertThat(signature.chainTrusted()).isFalse();
		assertThat(signature.signatureValid()).isTrue();
	}

	@Test
	void revokedSignerIsInvalidWhenRevocationIsChecked() {
		byte[] signed = this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(1), null), this.pki.revoked);

		SignatureReport signature = single(this.verifier.withOnlineRevocation(Duration.ofSeconds(5)).verify(signed),
				Indication.INVALID);

		assertThat(signature.revocation()).isEqualTo(SignatureReport.RevocationStatus.REVOKED);
	}

	@Test
	void revokedSignerIsNotDetectedWithoutRevocationData() {
		byte[] signed = this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(1), null), this.pki.revoked);

		SignatureReport signature = single(this.verifier.verify(signed), Indication.VALID);

		assertThat(signature.revocation()).isEqualTo(SignatureReport.RevocationStatus.NOT_CHECKED);
	}

	@Test
	void goodSignerIsGoodWithOnlineRevocation() {
		SignatureReport signature = single(this.verifier.withOnlineRevocation(Duration.ofSeconds(5)).verify(signedB(1)),
				Indication.VALID);

		assertThat(signature.revocation()).isEqualTo(SignatureReport.RevocationStatus.GOOD);
	}

	@Test
	void signerCertificateExpiredAtSigningTimeIsInvalid() {
		byte[] signed = this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(1), null), this.pki.expired);

		SignatureReport signature = single(this.verifier.verify(signed), Indication.INVALID);

		assertThat(signature.certificateValidAtSigningTime()).isFalse();
	}

	@Test
	void unsignedPdfIsIndeterminate() {
		VerificationReport report = this.verifier.verify(TestDocuments.pdf(1));

		assertThat(report.indication()).isEqualTo(Indication.INDETERMINATE);
		assertThat(report.signatures()).isEmpty();
	}

	@Test
	void unreadableFileIsInvalid() {
		VerificationReport report = this.verifier.verify("not a pdf".getBytes(StandardCharsets.US_ASCII));

		assertThat(report.indication()).isEqualTo(Indication.INVALID);
		assertThat(report.reasons()).isNotEmpty();
	}

	private byte[] signedB(int pages) {
		return this.signer.sign(SignRequest.baselineB(TestDocuments.pdf(pages), "Phê duyệt"), this.pki.approver);
	}

	private static SignatureReport single(VerificationReport report, Indication expected) {
		assertThat(report.indication()).as(report.toString()).isEqualTo(expected);
		assertThat(report.signatures()).hasSize(1);
		return report.signatures().get(0);
	}

	private static int[] byteRange(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return document.getLastSignatureDictionary().getByteRange();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] saveIncremental(PDDocument document) throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.saveIncremental(out);
		return out.toByteArray();
	}

	private static byte[] replace(byte[] pdf, String original, String replacement) {
		assertThat(replacement).hasSameSizeAs(original);
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		int at = text.indexOf(original);
		assertThat(at).as("'" + original + "' in the PDF").isNotNegative();
		byte[] result = pdf.clone();
		System.arraycopy(replacement.getBytes(StandardCharsets.ISO_8859_1), 0, result, at, replacement.length());
		return result;
	}

}
