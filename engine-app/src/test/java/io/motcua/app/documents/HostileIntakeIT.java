package io.motcua.app.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile corpus (generated at test time) sent through the real endpoints: multipart
 * intake, a supplement on a dossier and the portal's hand-over each answer 422 naming the
 * file and the reason, and store nothing (no dossier, no document row, no file); ordinary
 * files still go through.
 */
class HostileIntakeIT extends ApplicationIT {

	@Autowired
	FilesystemDocumentStore store;

	static Stream<Arguments> hostileFiles() {
		return Stream.of(Arguments.of("js-on-open.pdf", TestCorpus.pdfWithOpenActionJavaScript(), "active-content"),
				Arguments.of("js-on-link.pdf", TestCorpus.pdfWithAnnotationJavaScript(), "active-content"),
				Arguments.of("launch.pdf", TestCorpus.pdfWithLaunchAction(), "active-content"),
				Arguments.of("attached-exe.pdf", TestCorpus.pdfWithEmbeddedFile(), "active-content"),
				Arguments.of("xfa.pdf", TestCorpus.pdfWithXfa(), "active-content"),
				Arguments.of("richmedia.pdf", TestCorpus.pdfWithRichMedia(), "active-content"),
				Arguments.of("gigabyte.pdf", TestCorpus.pdfWithInflatingStream(1024), "decompression-bomb"),
				Arguments.of("huge-image.pdf", TestCorpus.pdfWithImage(100_000, 100_000), "too-many-pixels"),
				Arguments.of("huge.png", TestCorpus.pngOfSize(30_000, 30_000), "too-many-pixels"),
				Arguments.of("huge.jpg", TestCorpus.jpegOfSize(65_000, 65_000), "too-many-pixels"),
				Arguments.of("with-archive.pdf", TestCorpus.pdfWithArchiveAppended(), "polyglot"),
				Arguments.of("also-zip.pdf", TestCorpus.pdfThatIsAlsoAZip(), "polyglot"),
				Arguments.of("html-inside.jpg", TestCorpus.jpegWithHtmlInside(), "polyglot"),
				Arguments.of("html-after.jpg", TestCorpus.jpegWithHtmlAppended(), "polyglot"),
				Arguments.of("macro.docx", TestCorpus.docxWithMacros(), "macros"),
				Arguments.of("template.docx", TestCorpus.docxWithRemoteTemplate(), "external-link"),
				Arguments.of("cyclic.pdf", TestCorpus.pdfWithCyclicPageTree(), "broken-structure"),
				Arguments.of("glued.pdf", TestCorpus.truncatedPdfWithEofGlued(), "broken-structure"),
				Arguments.of("shifted.pdf", TestCorpus.pdfWithShiftedObjects(), "broken-structure"),
				Arguments.of("hoa-don\u0000.pdf", TestCorpus.pdf("nul"), "file-name"),
				Arguments.of("hoa-don\u202Eexe.pdf", TestCorpus.pdf("rlo"), "file-name"),
				Arguments.of("don\u0007.pdf", TestCorpus.pdf("bell"), "file-name"),
				Arguments.of("d".repeat(296) + ".pdf", TestCorpus.pdf("long"), "file-name"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileFiles")
	void intakeRefusesAndStoresNothing(String name, byte[] bytes, String reason) {
		Stored before = stored();
		Multipart.Reply reply = new Multipart().json("application", application(PROCEDURE))
			.file("GIAY_DE_NGHI", name, bytes)
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", TestCorpus.png())
			.post(this.port, "clerk", "/api/v1/dossiers");
		assertRefused(reply, reason);
		assertThat(stored()).isEqualTo(before);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileFiles")
	void supplementRefusesAndStoresNothing(String name, byte[] bytes, String reason) {
		String code = receiveDossier("clerk");
		// The receipt is printed after commit: let it be, so that it is not
		// counted as something the refused upload stored.
		awaitReactions(code);
		Stored before = stored();
		Multipart.Reply reply = new Multipart().file("GIAY_DE_NGHI", name, bytes)
			.post(this.port, "clerk", "/api/v1/dossiers/" + code + "/documents");
		assertRefused(reply, reason);
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void thePortalsHandOverGoesThroughTheSameChecks() {
		Api.Reply registered = as("admin").post("/api/v1/admin/api-clients",
				Map.of("name", "portal-hostile-" + System.nanoTime(), "scopes", List.of("dossiers:submit"), "units",
						List.of("TRANBIEN")));
		assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
		Map<String, Object> application = withoutPaper(application(PROCEDURE));
		application.put("channel", "ONLINE");
		Stored before = stored();
		Multipart.Reply reply = new Multipart().json("application", application)
			.text("portalCode", "G22.95-" + System.nanoTime())
			.file("GIAY_DE_NGHI", "don.pdf", TestCorpus.pdfWithOpenActionJavaScript())
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd\u202Egnp.pdf", TestCorpus.pdf("cccd"))
			.post(this.port, "/api/v1/hand-overs",
					Map.of("X-API-Key", registered.text("apiKey"), "Idempotency-Key", "hostile-" + System.nanoTime()));
		assertThat(reply.status()).as(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo(422);
		assertThat(reply.json().path("errors").findValuesAsText("reason")).contains("active-content", "file-name");
		assertThat(stored()).isEqualTo(before);
	}

	@Test
	void ordinaryFilesAreStillAccepted() {
		Multipart.Reply received = new Multipart().json("application", application(PROCEDURE))
			.file("GIAY_DE_NGHI", "giấy đề nghị.pdf", TestCorpus.pdfWithWebLink())
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", TestCorpus.png())
			.post(this.port, "clerk", "/api/v1/dossiers");
		assertThat(received.status()).as(new String(received.bytes(), StandardCharsets.UTF_8)).isEqualTo(201);
		String code = received.json().path("code").asText();
		Multipart.Reply supplement = new Multipart().file("GIAY_DE_NGHI", "don.docx", TestCorpus.docxWithHyperlink())
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.jpg", TestCorpus.jpeg())
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd-2.pdf", TestCorpus.pdfWithIncrementalUpdate())
			.post(this.port, "clerk", "/api/v1/dossiers/" + code + "/documents");
		assertThat(supplement.status()).as(new String(supplement.bytes(), StandardCharsets.UTF_8)).isEqualTo(201);
		assertThat(supplement.json().findValuesAsText("mediaType")).containsExactly(
				"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "image/jpeg",
				"application/pdf");
		awaitReactions(code);
	}

	@Test
	void answersInEnglishWhenAsked() {
		String basic = Base64.getEncoder().encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8));
		Multipart request = new Multipart().json("application", application(PROCEDURE))
			.file("GIAY_DE_NGHI", "don.pdf", TestCorpus.pdfWithLaunchAction())
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", TestCorpus.png());
		JsonNode english = request
			.post(this.port, "/api/v1/dossiers", Map.of("Authorization", "Basic " + basic, "Accept-Language", "en"))
			.json();
		assertThat(english.path("errors").get(0).path("message").asText())
			.isEqualTo("'don.pdf': the PDF carries a Launch action (starts a program); PDFs with active content are"
					+ " not accepted, print it to a plain PDF and send that");
		assertThat(english.path("detail").asText()).startsWith("1 problem(s) with the documents; nothing was stored");
		JsonNode vietnamese = request.post(this.port, "/api/v1/dossiers", Map.of("Authorization", "Basic " + basic))
			.json();
		assertThat(vietnamese.path("errors").get(0).path("message").asText())
			.startsWith("'don.pdf': tệp PDF chứa lệnh Launch (mở chương trình)");
		assertThat(vietnamese.path("detail").asText()).startsWith("1 vấn đề với giấy tờ; chưa lưu gì");
	}

	private static void assertRefused(Multipart.Reply reply, String reason) {
		String body = new String(reply.bytes(), StandardCharsets.UTF_8);
		assertThat(reply.status()).as(body).isEqualTo(422);
		JsonNode problem = reply.json();
		assertThat(problem.path("type").asText()).isEqualTo("urn:motcua:problem:validation-failed");
		JsonNode error = problem.path("errors").get(0);
		assertThat(problem.path("errors")).as(body).hasSize(1);
		// Tomcat refuses a NUL in a file name before the parts are known.
		assertThat(error.path("field").asText()).isIn("GIAY_DE_NGHI", reason.equals("file-name") ? "files" : "");
		assertThat(error.path("reason").asText()).as(body).isEqualTo(reason);
		assertThat(error.path("file").asText()).isNotBlank();
		assertThat(error.path("message").asText()).startsWith("'" + error.path("file").asText() + "': ");
		// Never the raw control or bidi characters back to the client.
		assertThat(body).doesNotContain("\u202E").doesNotContain("\u0000").doesNotContain("\u0007");
	}

	/** What is stored: dossiers, document rows and content files (staged copies too). */
	private Stored stored() {
		Path root = this.store.root();
		try (Stream<Path> files = Files.exists(root) ? Files.walk(root) : Stream.empty()) {
			return new Stored(countRows("dossier"), countRows("document"),
					files.filter(Files::isRegularFile).map(Path::toString).sorted().toList());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Stored(int dossiers, int documents, List<String> files) {
	}

}
