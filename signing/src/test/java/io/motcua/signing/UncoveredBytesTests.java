package io.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bytes after the last signed revision: forged tails (garbage, objects without a
 * cross-reference entry, a cross-reference section the file never points to, whitespace)
 * are named and keep the document from VALID; later revisions written properly
 * (validation data, a second signature) are recognised. Each case is also put to
 * poppler's pdfsig, whose "Total document signed" our coversWholeDocument matches.
 */
@ExtendWith(TestPki.Lifecycle.class)
class UncoveredBytesTests {

	private final TestPki pki = TestPki.get();

	private final PdfSigner signer = new PdfSigner();

	private final PdfSignatureVerifier verifier = new PdfSignatureVerifier(this.pki.trustAnchors());

	@Test
	void garbageAfterTheSignedRevisionMakesTheDocumentInvalidAndIsNamed() {
		byte[] signed = signedB();
		byte[] garbage = new byte[300];
		for (int i = 0; i < garbage.length; i++) {
			garbage[i] = (byte) (i * 7 + 13);
		}
		byte[] attacked = append(signed, "\nSố tiền: 9.999.000.000 đồng\n".getBytes(StandardCharsets.UTF_8), garbage);

		VerificationReport report = this.verifier.verify(attacked);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INVALID);
		SignatureReport signature = report.signatures().get(0);
		assertThat(signature.coversWholeDocument()).isFalse();
		assertThat(signature.signedLength()).isEqualTo(signed.length);
		assertThat(signature.digestValid()).isTrue();
		assertThat(signature.signatureValid()).isTrue();
		UncoveredBytes uncovered = single(report, UncoveredBytes.Kind.UNREFERENCED);
		assertThat(uncovered.start()).isEqualTo(signed.length + 1);
		assertThat(uncovered.end()).isEqualTo(attacked.length);
		assertThat(uncovered.description()).contains("not part of any revision");
		assertThat(report.reasons())
			.anyMatch((reason) -> reason.startsWith("bytes " + (signed.length + 1) + "-" + attacked.length));
		agreesWithPdfsig(attacked, report);
	}

	@Test
	void objectsAppendedWithoutACrossReferenceMakeTheDocumentInvalid() throws Exception {
		byte[] signed = signedB();
		String contents = pageContentsKey(signed);
		String text = "BT /F1 24 Tf 72 700 Td (Khong duoc phep) Tj ET";
		byte[] attacked = append(signed, ("\n" + contents + " obj\n<< /Length " + text.length() + " >>\nstream\n" + text
				+ "\nendstream\nendobj\n99 0 obj\n<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] >>\nendobj\n")
			.getBytes(StandardCharsets.ISO_8859_1));

		VerificationReport report = this.verifier.verify(attacked);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INVALID);
		assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
		UncoveredBytes uncovered = single(report, UncoveredBytes.Kind.UNREFERENCED);
		assertThat(uncovered.start()).isEqualTo(signed.length + 1);
		assertThat(uncovered.description()).contains("2 objects without a cross-reference entry",
				"object " + contents + " at byte " + (signed.length + 1), "object 99 0");
		agreesWithPdfsig(attacked, report);
	}

	@Test
	void crossReferenceSectionTheFileNeverPointsToMakesTheDocumentInvalid() throws Exception {
		byte[] signed = signedB();
		Trailer trailer = trailer(signed);
		String object = "99 0 obj\n<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] >>\nendobj\n";
		int objectAt = signed.length + 1;
		int xrefAt = objectAt + object.length();
		// the file's startxref still names the signed revision's cross-reference
		String forged = "\n" + object + "xref\n0 1\n0000000000 65535 f\r\n99 1\n" + "%010d".formatted(objectAt)
				+ " 00000 n\r\ntrailer\n<< /Size 100 /Root " + trailer.root() + " /Prev " + trailer.startxref()
				+ " >>\nstartxref\n" + trailer.startxref() + "\n%%EOF\n";
		byte[] attacked = append(signed, forged.getBytes(StandardCharsets.ISO_8859_1));

		VerificationReport report = this.verifier.verify(attacked);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INVALID);
		UncoveredBytes uncovered = single(report, UncoveredBytes.Kind.UNREFERENCED);
		assertThat(uncovered.description()).contains("object 99 0 at byte " + objectAt,
				"a cross-reference section at byte " + xrefAt + " that the file never points to");
		agreesWithPdfsig(attacked, report);
	}

	@Test
	void crossReferenceSectionWithoutStartxrefMakesTheDocumentInvalid() throws Exception {
		byte[] signed = signedB();
		Trailer trailer = trailer(signed);
		String forged = "99 0 obj\n(x)\nendobj\nxref\n99 1\n" + "%010d".formatted(signed.length)
				+ " 00000 n\r\ntrailer\n<< /Size 100 /Root " + trailer.root() + " /Prev " + trailer.startxref()
				+ " >>\n";
		byte[] attacked = append(signed, forged.getBytes(StandardCharsets.ISO_8859_1));

		VerificationReport report = this.verifier.verify(attacked);

		assertThat(report.indication()).isEqualTo(Indication.INVALID);
		assertThat(single(report, UncoveredBytes.Kind.UNREFERENCED).description())
			.contains("that the file never points to");
		agreesWithPdfsig(attacked, report);
	}

	@Test
	void aNewLineAfterTheLastRevisionIsIndeterminateLikePdfsigsNotTotalDocumentSigned() {
		byte[] signed = signedB();
		for (String whitespace : List.of("\n", "\r\n \n\t")) {
			byte[] appended = append(signed, whitespace.getBytes(StandardCharsets.US_ASCII));

			VerificationReport report = this.verifier.verify(appended);

			assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.INDETERMINATE);
			assertThat(report.signatures().get(0).indication()).isEqualTo(Indication.VALID);
			assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
			UncoveredBytes uncovered = single(report, UncoveredBytes.Kind.WHITESPACE);
			assertThat(uncovered.start()).isEqualTo(signed.length);
			assertThat(uncovered.end()).isEqualTo(appended.length);
			assertThat(report.reasons()).anyMatch((reason) -> reason.contains("whitespace"));
			agreesWithPdfsig(appended, report);
		}
	}

	@Test
	void validationDataAddedAfterSigningIsARecognisedRevisionAndTheDocumentStaysValid() {
		byte[] signed = this.signer.sign(new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_LT, null,
				null, null, null, false, this.pki.tsaUrl()), this.pki.approver);

		VerificationReport report = this.verifier.verify(signed);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		assertThat(report.signatures().get(0).coversWholeDocument()).isFalse();
		assertThat(report.signatures().get(0).level()).isEqualTo(SignatureLevel.PADES_BASELINE_LT);
		UncoveredBytes update = single(report, UncoveredBytes.Kind.INCREMENTAL_UPDATE);
		assertThat(update.start()).isEqualTo(report.signatures().get(0).signedLength());
		assertThat(update.end()).isEqualTo(signed.length);
		agreesWithPdfsig(signed, report);
	}

	@Test
	void validationDataAddedToADocumentWithACrossReferenceTableIsRecognisedToo() {
		byte[] signed = this.signer.sign(new SignRequest(TestDocuments.pdfWithCrossReferenceTable(2),
				SignatureLevel.PADES_BASELINE_LT, null, null, null, null, false, this.pki.tsaUrl()), this.pki.approver);
		assertThat(new String(signed, StandardCharsets.ISO_8859_1)).contains("\ntrailer");

		VerificationReport report = this.verifier.verify(signed);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		single(report, UncoveredBytes.Kind.INCREMENTAL_UPDATE);
	}

	@Test
	void objectsAppendedAfterValidationDataAreFoundBehindTheRecognisedRevision() {
		byte[] signed = this.signer.sign(new SignRequest(TestDocuments.pdf(1), SignatureLevel.PADES_BASELINE_LT, null,
				null, null, null, false, this.pki.tsaUrl()), this.pki.approver);
		byte[] attacked = append(signed, "99 0 obj\n(Đã sửa)\nendobj\n".getBytes(StandardCharsets.UTF_8));

		VerificationReport report = this.verifier.verify(attacked);

		assertThat(report.indication()).isEqualTo(Indication.INVALID);
		assertThat(report.uncovered()).extracting(UncoveredBytes::kind)
			.containsExactly(UncoveredBytes.Kind.INCREMENTAL_UPDATE, UncoveredBytes.Kind.UNREFERENCED);
		assertThat(report.uncovered().get(1).start()).isEqualTo(signed.length);
		agreesWithPdfsig(attacked, report);
	}

	@Test
	void aRevisionWrittenByHandWithATableIsRecognised() throws Exception {
		byte[] signed = signedB();
		byte[] updated = handWrittenRevision(signed, "");

		VerificationReport report = this.verifier.verify(updated);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		assertThat(single(report, UncoveredBytes.Kind.INCREMENTAL_UPDATE).description()).contains("object(s) 99 0");
		agreesWithPdfsig(updated, report);
	}

	@Test
	void anEarlierCopyOfAnObjectIsToleratedOnlyWhenItIsTheSame() throws Exception {
		byte[] signed = signedB();
		byte[] sameCopy = handWrittenRevision(signed, "99 0 obj\n(Ghi chu)\nendobj\n");
		byte[] otherCopy = handWrittenRevision(signed, "99 0 obj\n(Da sua)\nendobj\n");

		assertThat(this.verifier.verify(sameCopy).indication()).isEqualTo(Indication.VALID);
		VerificationReport report = this.verifier.verify(otherCopy);
		assertThat(report.indication()).isEqualTo(Indication.INVALID);
		assertThat(report.uncovered()).extracting(UncoveredBytes::kind)
			.containsExactly(UncoveredBytes.Kind.INCREMENTAL_UPDATE, UncoveredBytes.Kind.UNREFERENCED);
		assertThat(report.uncovered().get(1).description())
			.isEqualTo("an object without a cross-reference entry (object 99 0 at byte " + (signed.length + 1) + ")");
	}

	@Test
	void pdfboxsDoubleWritingOfObjectsInAnIncrementalSaveIsTolerated() throws Exception {
		byte[] signed = signedB();
		byte[] updated;
		try (PDDocument document = Loader.loadPDF(signed)) {
			COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
			COSDictionary dss = new COSDictionary();
			catalog.setItem(ValidationDataWriter.DSS, dss);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.saveIncremental(out, Set.of(catalog, dss));
			updated = out.toByteArray();
		}
		String tail = new String(updated, signed.length, updated.length - signed.length, StandardCharsets.ISO_8859_1);
		assertThat(tail.split(" 0 obj", -1)).as("objects written twice").hasSizeGreaterThan(4);

		VerificationReport report = this.verifier.verify(updated);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		single(report, UncoveredBytes.Kind.INCREMENTAL_UPDATE);
	}

	@Test
	void aSecondSignatureCoversTheWholeDocument() {
		byte[] approved = signedB();
		byte[] sealed = this.signer.sign(SignRequest.baselineB(approved, "Đóng dấu"), this.pki.seal);

		VerificationReport report = this.verifier.verify(sealed);

		assertThat(report.indication()).as(report.toString()).isEqualTo(Indication.VALID);
		assertThat(report.uncovered()).isEmpty();
		assertThat(report.signatures()).extracting(SignatureReport::coversWholeDocument).containsExactly(false, true);
		agreesWithPdfsig(sealed, report);
	}

	@Test
	void aProperIncrementalUpdateChangingThePageIsARevisionThatInvalidatesTheSignature() throws Exception {
		byte[] signed = signedB();
		byte[] attacked;
		try (PDDocument document = Loader.loadPDF(signed)) {
			PDPage page = document.getPage(0);
			try (PDPageContentStream content = new PDPageContentStream(document, page,
					PDPageContentStream.AppendMode.APPEND, true)) {
				content.beginText();
				content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
				content.newLineAtOffset(72, 700);
				content.showText("Khong duoc phep");
				content.endText();
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.saveIncremental(out);
			attacked = out.toByteArray();
		}

		VerificationReport report = this.verifier.verify(attacked);

		assertThat(report.indication()).isEqualTo(Indication.INVALID);
		assertThat(report.signatures().get(0).modifiedAfterSigning()).isTrue();
		single(report, UncoveredBytes.Kind.INCREMENTAL_UPDATE);
		agreesWithPdfsig(attacked, report);
	}

	private byte[] signedB() {
		return signedB(TestDocuments.pdf(1));
	}

	private byte[] signedB(byte[] pdf) {
		return this.signer.sign(SignRequest.baselineB(pdf, "Phê duyệt"), this.pki.approver);
	}

	private static UncoveredBytes single(VerificationReport report, UncoveredBytes.Kind kind) {
		assertThat(report.uncovered()).as(report.toString()).hasSize(1);
		UncoveredBytes uncovered = report.uncovered().get(0);
		assertThat(uncovered.kind()).as(uncovered.toString()).isEqualTo(kind);
		return uncovered;
	}

	/**
	 * pdfsig finds every signature value intact and says "Total document signed" exactly
	 * where the report says a signature covers the whole document.
	 */
	static void agreesWithPdfsig(byte[] pdf, VerificationReport report) {
		Assumptions.assumeTrue(Pdfsig.installed(), "poppler's pdfsig is not installed");
		List<Pdfsig.Signature> opinions = Pdfsig.check(pdf);
		assertThat(opinions).hasSameSizeAs(report.signatures());
		for (int i = 0; i < opinions.size(); i++) {
			Pdfsig.Signature opinion = opinions.get(i);
			assertThat(opinion.totalDocumentSigned()).as(opinion.output())
				.isEqualTo(report.signatures().get(i).coversWholeDocument());
			if (report.signatures().get(i).signatureValid()) {
				assertThat(opinion.signatureValidation()).as(opinion.output()).isEqualTo("Signature is Valid.");
			}
		}
	}

	private static byte[] append(byte[] pdf, byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(pdf);
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	/** "n g" of the first page's content stream. */
	private static String pageContentsKey(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			COSObject contents = (COSObject) document.getPage(0).getCOSObject().getItem(COSName.CONTENTS);
			return contents.getKey().getNumber() + " " + contents.getKey().getGeneration();
		}
	}

	private static Trailer trailer(byte[] pdf) throws Exception {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			COSObject root = (COSObject) document.getDocument().getTrailer().getItem(COSName.ROOT);
			return new Trailer(document.getDocument().getStartXref(),
					root.getKey().getNumber() + " " + root.getKey().getGeneration() + " R");
		}
	}

	/**
	 * An incremental update written by hand, with a cross-reference table: object 99 (not
	 * used by the document), after whatever {@code before} holds.
	 */
	private static byte[] handWrittenRevision(byte[] signed, String before) throws Exception {
		Trailer trailer = trailer(signed);
		StringBuilder tail = new StringBuilder("\n").append(before);
		int objectAt = signed.length + tail.length();
		tail.append("99 0 obj\n(Ghi chu)\nendobj\n");
		int xrefAt = signed.length + tail.length();
		tail.append("xref\n99 1\n%010d 00000 n\r\ntrailer\n<< /Size 100 /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
			.formatted(objectAt, trailer.root(), trailer.startxref(), xrefAt));
		return append(signed, tail.toString().getBytes(StandardCharsets.ISO_8859_1));
	}

	private record Trailer(long startxref, String root) {
	}

}
