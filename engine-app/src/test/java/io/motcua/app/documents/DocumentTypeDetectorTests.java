package io.motcua.app.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.motcua.app.documents.DocumentTypeDetector.Detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The intake checks on a corpus generated at test time: the bytes decide what a file is,
 * its name only has to agree.
 */
class DocumentTypeDetectorTests {

	private static final List<String> ANY_OFFICE = List.of("pdf", "jpeg", "png", "docx");

	private static final TextExtractor extractor = new TextExtractor(10_000, Duration.ofSeconds(20));

	private final DocumentTypeDetector detector = new DocumentTypeDetector();

	@TempDir
	Path dir;

	@AfterAll
	static void stopExtractor() {
		extractor.close();
	}

	@Test
	void acceptsPdfJpegPngAndDocxForTheirNames() throws IOException {
		assertAccepted("don.pdf", TestCorpus.pdf("Giay de nghi"), "application/pdf");
		assertAccepted("cccd.jpg", TestCorpus.jpeg(), "image/jpeg");
		assertAccepted("cccd.png", TestCorpus.png(), "image/png");
		assertAccepted("don.docx", TestCorpus.docx("Giay de nghi"),
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document");
		assertAccepted("no-extension", TestCorpus.pdf("x"), "application/pdf");
	}

	@Test
	void refusesPdfRenamedAsJpeg() throws IOException {
		assertThat(refusal("scan.jpg", TestCorpus.pdf("x"))).contains("does not match the file name").contains(".jpg");
	}

	@Test
	void refusesExecutablesWhateverTheirName() throws IOException {
		assertThat(refusal("don.pdf", TestCorpus.windowsExecutable())).contains("program");
		assertThat(refusal("don.pdf", TestCorpus.elfExecutable())).contains("program");
		assertThat(refusal("don.pdf", TestCorpus.shellScript())).contains("script");
	}

	@Test
	void refusesHtmlAndSvgWithScript() throws IOException {
		assertThat(refusal("don.pdf", TestCorpus.htmlWithScript())).contains("script");
		assertThat(refusal("anh.png", TestCorpus.svgWithScript())).contains("script");
		assertThat(refusal("anh.svg", TestCorpus.svgWithScript())).contains("script");
	}

	@Test
	void refusesArchivesWithoutUnpackingThem() throws IOException {
		long start = System.nanoTime();
		assertThat(refusal("bomb.pdf", TestCorpus.zipBomb(64))).contains("archive");
		assertThat(refusal("nested.zip", TestCorpus.nestedArchive(40))).contains("archive");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void refusesEncryptedAndTruncatedPdfs() throws IOException {
		assertThat(refusal("don.pdf", TestCorpus.encryptedPdf())).contains("encrypted");
		assertThat(refusal("don.pdf", TestCorpus.truncatedPdf())).contains("truncated");
	}

	@Test
	void refusesFormatsTheDocumentTypeDoesNotAccept() throws IOException {
		Path file = write("don.docx", TestCorpus.docx("x"));
		Detection detection = this.detector.inspect(file, "don.docx", List.of("pdf", "jpeg", "png"));
		assertThat(detection.refusal().english()).contains("DOCX").contains("not accepted").contains("pdf, jpeg, png");
		assertThat(detection.refusal().reason()).isEqualTo(Refusal.Reason.FORMAT_NOT_ACCEPTED);
	}

	@Test
	void refusesEmptyFiles() throws IOException {
		assertThat(refusal("don.pdf", new byte[0])).contains("empty");
	}

	@Test
	void comparesBaseMediaTypes() throws IOException {
		assertThat(this.detector.detect(write("x.bin", TestCorpus.windowsExecutable()))).doesNotContain(";");
	}

	@Test
	void extractsTextOfAcceptedDocuments() throws IOException {
		assertThat(extractor.extract(write("a.pdf", TestCorpus.pdf("Hop dong thue nha Hoa Sen")), "application/pdf"))
			.contains("Hoa Sen");
		assertThat(extractor.extract(write("a.docx", TestCorpus.docx("Cua hang Binh Minh")),
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
			.contains("Binh Minh");
	}

	@Test
	void cutsExtractedTextAtTheLimit() throws IOException {
		TextExtractor small = new TextExtractor(20, Duration.ofSeconds(20));
		try {
			String text = small.extract(write("a.pdf", TestCorpus.pdf("one two three four five six seven eight")),
					"application/pdf");
			assertThat(text.length()).isLessThanOrEqualTo(20);
		}
		finally {
			small.close();
		}
	}

	@Test
	void doesNotResolveExternalEntitiesOfXfaForms() throws IOException {
		Path secret = write("secret.txt", "TOPSECRETMARKER".getBytes());
		byte[] pdf = TestCorpus.xfaPdfWithExternalEntity(secret.toUri().toString());
		Path file = write("xfa.pdf", pdf);
		Detection detection = this.detector.inspect(file, "xfa.pdf", ANY_OFFICE);
		if (detection.accepted()) {
			try {
				assertThat(extractor.extract(file, detection.mediaType())).doesNotContain("TOPSECRETMARKER");
			}
			catch (TextExtractor.UnreadableDocumentException ex) {
				// Refusing it is fine too; leaking the file is not.
				assertThat(ex.getMessage()).doesNotContain("TOPSECRETMARKER");
			}
		}
	}

	@Test
	void givesUpOnDocumentsThatTakeTooLong() throws IOException {
		TextExtractor impatient = new TextExtractor(10_000, Duration.ofNanos(1));
		try {
			Path file = write("a.pdf", TestCorpus.pdf("slow"));
			assertThatThrownBy(() -> impatient.extract(file, "application/pdf"))
				.isInstanceOf(TextExtractor.UnreadableDocumentException.class)
				.hasMessageContaining("took longer");
		}
		finally {
			impatient.close();
		}
	}

	private void assertAccepted(String name, byte[] bytes, String mediaType) throws IOException {
		Detection detection = this.detector.inspect(write(name, bytes), name, ANY_OFFICE);
		assertThat(detection.refusal()).as(name).isNull();
		assertThat(detection.mediaType()).isEqualTo(mediaType);
	}

	private String refusal(String name, byte[] bytes) throws IOException {
		Detection detection = this.detector.inspect(write(name, bytes), name, ANY_OFFICE);
		assertThat(detection.accepted()).as(name + " detected as " + detection.mediaType()).isFalse();
		return detection.refusal().english();
	}

	private Path write(String name, byte[] bytes) throws IOException {
		Path file = Files.createTempFile(this.dir, "corpus-", "-" + name.replace('/', '_'));
		return Files.write(file, bytes);
	}

}
