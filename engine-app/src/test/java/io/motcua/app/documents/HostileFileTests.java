package io.motcua.app.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.motcua.app.documents.DocumentTypeDetector.Detection;
import io.motcua.app.documents.Refusal.Reason;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus, generated at test time, against the content checks: each class of
 * attack is refused with its reason code, and ordinary files still pass.
 */
class HostileFileTests {

	private static final List<String> ANY = List.of("pdf", "jpeg", "png", "docx", "doc", "odt");

	/** Small limits keep the bombs small: 8 MB a part, 20 × the file's size. */
	private final DocumentTypeDetector detector = new DocumentTypeDetector(
			new ContentLimits(50_000_000L, 8L * 1024 * 1024, 20));

	@TempDir
	Path dir;

	@Test
	void acceptsOrdinaryFiles() throws IOException {
		assertAccepted("don.pdf", TestCorpus.pdf("Giay de nghi cap phep"));
		assertAccepted("don.pdf", TestCorpus.pdfWithWebLink());
		assertAccepted("don.pdf", TestCorpus.pdfWithIncrementalUpdate());
		assertAccepted("don.pdf", TestCorpus.signedPdf());
		assertAccepted("don.pdf", TestCorpus.pdfWithImage(2480, 3508));
		assertAccepted("anh.png", TestCorpus.png());
		assertAccepted("anh.png", TestCorpus.pngOfSize(4000, 3000));
		assertAccepted("anh.jpg", TestCorpus.jpeg());
		assertAccepted("anh.jpg", TestCorpus.jpegOfSize(8000, 6000));
		assertAccepted("anh.jpg", TestCorpus.jpegWithSamsungTrailer("Image_UTC_Data1767772800000"));
		assertAccepted("don.docx", TestCorpus.docx("Giay de nghi"));
		assertAccepted("don.docx", TestCorpus.docxWithHyperlink());
	}

	@Test
	void refusesPdfsWithActiveContent() throws IOException {
		assertRefused(TestCorpus.pdfWithOpenActionJavaScript(), Reason.ACTIVE_CONTENT, "JavaScript");
		assertRefused(TestCorpus.pdfWithAnnotationJavaScript(), Reason.ACTIVE_CONTENT, "JavaScript");
		assertRefused(TestCorpus.pdfWithLaunchAction(), Reason.ACTIVE_CONTENT, "Launch");
		assertRefused(TestCorpus.pdfWithEmbeddedFile(), Reason.ACTIVE_CONTENT, "embedded");
		assertRefused(TestCorpus.pdfWithXfa(), Reason.ACTIVE_CONTENT, "XFA");
		assertRefused(TestCorpus.pdfWithRichMedia(), Reason.ACTIVE_CONTENT, "RichMedia");
	}

	@Test
	void refusesDecompressionBombsWithoutInflatingThem() throws IOException {
		long start = System.nanoTime();
		assertRefused(TestCorpus.pdfWithInflatingStream(1024), Reason.DECOMPRESSION_BOMB, "inflate");
		assertRefused("bomb.docx", TestCorpus.docxWithInflatingEntry(64), Reason.DECOMPRESSION_BOMB, "inflate");
		// A gigabyte stream is stopped at the 8 MB limit, not decoded.
		assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
	}

	@Test
	void refusesImagesOverThePixelBudget() throws IOException {
		assertRefused("anh.png", TestCorpus.pngOfSize(30_000, 30_000), Reason.TOO_MANY_PIXELS, "30000 × 30000");
		assertRefused("anh.jpg", TestCorpus.jpegOfSize(65_000, 65_000), Reason.TOO_MANY_PIXELS, "65000 × 65000");
		assertRefused(TestCorpus.pdfWithImage(100_000, 100_000), Reason.TOO_MANY_PIXELS, "100000 × 100000");
	}

	@Test
	void theBudgetIsConfigurable() throws IOException {
		DocumentTypeDetector strict = new DocumentTypeDetector(new ContentLimits(1_000_000L, 8L * 1024 * 1024, 20));
		Detection detection = strict.inspect(write("anh.png", TestCorpus.pngOfSize(2000, 1000)), "anh.png", ANY);
		assertThat(detection.refusal().reason()).isEqualTo(Reason.TOO_MANY_PIXELS);
		assertThat(detection.refusal().in(Locale.forLanguageTag("vi"))).contains("vượt giới hạn 1.0 triệu điểm ảnh");
	}

	@Test
	void refusesPolyglots() throws IOException {
		assertRefused(TestCorpus.pdfWithArchiveAppended(), Reason.POLYGLOT, "ZIP archive");
		assertRefused(TestCorpus.concat(TestCorpus.pdf("x"), TestCorpus.htmlWithScript()), Reason.POLYGLOT,
				"after its end-of-file marker");
		assertRefused(TestCorpus.pdfThatIsAlsoAZip(), Reason.POLYGLOT, "ZIP archive");
		assertRefused("anh.jpg", TestCorpus.jpegWithHtmlInside(), Reason.POLYGLOT, "markup");
		assertRefused("anh.jpg", TestCorpus.jpegWithHtmlAppended(), Reason.POLYGLOT, "after its end");
		assertRefused("anh.jpg", TestCorpus.jpegWithSamsungTrailer("<html><script>alert(1)</script></html>"),
				Reason.POLYGLOT, "after its end");
		assertRefused("anh.png", TestCorpus.pngWithTrailingData(), Reason.POLYGLOT, "after its end");
		assertRefused("don.docx", TestCorpus.docxWithTrailingData(), Reason.POLYGLOT, "follows the end");
	}

	@Test
	void refusesOfficeFilesWithMacrosOrRemoteLinks() throws IOException {
		assertRefused("don.docx", TestCorpus.docxWithMacros(), Reason.MACROS, "vbaProject.bin");
		assertRefused("don.docx", TestCorpus.docxWithRemoteTemplate(), Reason.EXTERNAL_LINK,
				"attachedTemplate: http://evil.example/template.dotm");
		assertRefused("don.doc", TestCorpus.docWithMacros(), Reason.MACROS, "Macros");
		assertRefused("don.docx", TestCorpus.docmRenamed(), Reason.MACROS, "macros");
		assertRefused("don.odt", TestCorpus.odtWithMacros(), Reason.MACROS, "macros");
	}

	@Test
	void refusesPdfsThatDoNotLoadCleanly() throws IOException {
		assertRefused(TestCorpus.pdfWithCyclicPageTree(), Reason.BROKEN_STRUCTURE, "loops");
		assertRefused(TestCorpus.truncatedPdfWithEofGlued(), Reason.BROKEN_STRUCTURE, "does not load cleanly");
		assertRefused(TestCorpus.pdfWithShiftedObjects(), Reason.BROKEN_STRUCTURE, "broken");
		assertRefused(TestCorpus.truncatedPdf(), Reason.TRUNCATED, "truncated");
	}

	@Test
	void refusesFileNamesWithNulControlOrBidiCharactersAndLongOnes() {
		assertThat(FileNames.check("hoa-don\u0000.pdf", 200).reason()).isEqualTo(Reason.FILE_NAME);
		Refusal override = FileNames.check("hoa-don\u202Eexe.pdf", 200);
		assertThat(override.english()).contains("U+202E");
		assertThat(FileNames.check("don\u0007.pdf", 200).english()).contains("U+0007");
		assertThat(FileNames.check("a".repeat(296) + ".pdf", 200).english()).contains("300 characters");
		assertThat(FileNames.check("C:\\Users\\An\\giấy đề nghị.pdf", 200)).isNull();
		assertThat(FileNames.shown("hoa-don\u202Eexe.pdf")).isEqualTo("hoa-don\\u202Eexe.pdf");
	}

	@Test
	void messagesComeInVietnameseAndEnglish() throws IOException {
		Detection detection = this.detector.inspect(write("don.pdf", TestCorpus.pdfWithOpenActionJavaScript()),
				"don.pdf", ANY);
		assertThat(detection.refusal().in(Locale.forLanguageTag("vi"))).startsWith("tệp PDF chứa mã JavaScript");
		assertThat(detection.refusal().in(Locale.ENGLISH)).startsWith("the PDF carries JavaScript");
	}

	private void assertAccepted(String name, byte[] bytes) throws IOException {
		Detection detection = this.detector.inspect(write(name, bytes), name, ANY);
		assertThat(detection.refusal()).as(name).isNull();
	}

	private void assertRefused(byte[] pdf, Reason reason, String says) throws IOException {
		assertRefused("don.pdf", pdf, reason, says);
	}

	private void assertRefused(String name, byte[] bytes, Reason reason, String says) throws IOException {
		Detection detection = this.detector.inspect(write(name, bytes), name, ANY);
		assertThat(detection.refusal()).as(name + " (" + detection.mediaType() + ")").isNotNull();
		assertThat(detection.refusal().reason()).as(detection.refusal().english()).isEqualTo(reason);
		assertThat(detection.refusal().english()).contains(says);
	}

	private Path write(String name, byte[] bytes) throws IOException {
		return Files.write(Files.createTempFile(this.dir, "hostile-", "-" + name), bytes);
	}

}
