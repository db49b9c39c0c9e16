package io.motcua.app.documents;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake with documents through the HTTP API: files checked before anything is stored,
 * receipt readable, documents searchable, downloads safe and scoped.
 */
class DocumentIntakeIT extends ApplicationIT {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy")
		.withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

	@Test
	void receivesDossierWithDocumentsAndIssuesAReadableReceipt() throws IOException {
		this.clock.set(Instant.parse("2026-03-02T02:00:00Z"));
		Map<String, Object> application = withoutPaper(application(PROCEDURE));
		// The identity card both as a scan and on paper
		application.put("paperOriginals", List.of(Map.of("documentType", "GIAY_TO_PHAP_LY_CA_NHAN", "copies", 2)));
		Multipart.Reply reply = new Multipart().json("application", application)
			.file("GIAY_DE_NGHI", "giấy đề nghị.pdf", TestCorpus.pdf("Cua hang tap hoa Phuong Hoang Lua"))
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.jpg", TestCorpus.jpeg())
			.post(this.port, "clerk", "/api/v1/dossiers");
		JsonNode body = reply.json();
		assertThat(reply.status()).as(body.toString()).isEqualTo(201);
		String code = body.path("code").asText();
		assertThat(reply.header("Location")).isEqualTo("/api/v1/dossiers/" + code);
		assertThat(body.path("documents").findValuesAsText("documentType")).containsExactly("GIAY_DE_NGHI",
				"GIAY_TO_PHAP_LY_CA_NHAN");
		assertThat(body.path("documents").findValuesAsText("mediaType")).containsExactly("application/pdf",
				"image/jpeg");

		Multipart.Reply receipt = Multipart.get(this.port, "clerk", body.path("receiptUrl").asText());
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.header("Content-Type")).isEqualTo("application/pdf");
		assertThat(receipt.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(receipt.header("Content-Disposition")).startsWith("attachment;").contains("filename*=UTF-8''");
		String text = text(receipt.bytes());
		Instant dueAt = Instant.parse(body.path("dueAt").asText());
		assertThat(text).contains(code)
			.contains(body.path("lookupSecret").asText())
			.contains(DATE.format(dueAt))
			.contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ")
			.contains("Nguyễn Văn An");
		// Form 01's checklist: each document, as a file, on paper, or both
		assertThat(text.replaceAll("\\s+", " ")).contains("Giấy tờ đã nhận:")
			.contains("bản điện tử (giấy đề nghị.pdf)")
			.contains("bản điện tử (cccd.jpg); bản giấy: 2 bản");

		Api.Reply found = as("clerk").get("/api/v1/dossiers?q=phuong%20hoang%20lua&size=200");
		assertThat(found.body().path("items").findValuesAsText("code")).contains(code);

		Api.Reply timeline = as("clerk").get("/api/v1/dossiers/" + code + "/events");
		assertThat(timeline.body().findValuesAsText("type")).contains("DOCUMENT_UPLOADED", "DOCUMENT_ISSUED",
				"DOCUMENT_DOWNLOADED");
	}

	@Test
	void downloadsTheUploadedBytesWithASafeContentDisposition() {
		byte[] pdf = TestCorpus.pdf("download me");
		String code = receiveWithDocuments("\"; evil=\"x\r\n.pdf", pdf);
		JsonNode documents = Multipart.get(this.port, "clerk", "/api/v1/dossiers/" + code + "/documents").json();
		JsonNode first = null;
		for (JsonNode document : documents) {
			if (first == null && document.path("kind").asText().equals("APPLICATION")) {
				first = document;
			}
		}
		assertThat(first).as(documents.toString()).isNotNull();
		Multipart.Reply content = Multipart.get(this.port, "clerk", first.path("contentUrl").asText());
		assertThat(content.status()).isEqualTo(200);
		assertThat(content.bytes()).isEqualTo(pdf);
		assertThat(content.header("Content-Disposition")).doesNotContain("\r").doesNotContain("\n");
		assertThat(content.header("Content-Disposition")).startsWith("attachment;");
	}

	@Test
	void anotherCommuneSeesNeitherTheListNorTheContent() {
		String code = receiveWithDocuments("don.pdf", TestCorpus.pdf("private"));
		JsonNode documents = Multipart.get(this.port, "clerk", "/api/v1/dossiers/" + code + "/documents").json();
		assertThat(Multipart.get(this.port, "clerk2", "/api/v1/dossiers/" + code + "/documents").status())
			.isEqualTo(404);
		assertThat(Multipart.get(this.port, "clerk2", documents.get(0).path("contentUrl").asText()).status())
			.isEqualTo(404);
		assertThat(new Multipart().file("GIAY_DE_NGHI", "b.pdf", TestCorpus.pdf("x"))
			.post(this.port, "clerk2", "/api/v1/dossiers/" + code + "/documents")
			.status()).isEqualTo(404);
	}

	@Test
	void refusesEveryHostileFileWithItsReasonAndStoresNothing() {
		int documentsBefore = countRows("document");
		int dossiersBefore = countRows("dossier");
		Multipart.Reply reply = new Multipart().json("application", withoutPaper(application(PROCEDURE)))
			.file("GIAY_DE_NGHI", "don.jpg", TestCorpus.pdf("renamed"))
			.file("GIAY_DE_NGHI", "don.pdf", TestCorpus.windowsExecutable())
			.file("GIAY_DE_NGHI", "trang.pdf", TestCorpus.htmlWithScript())
			.file("GIAY_DE_NGHI", "anh.png", TestCorpus.svgWithScript())
			.file("GIAY_DE_NGHI", "bomb.pdf", TestCorpus.zipBomb(64))
			.file("GIAY_DE_NGHI", "nested.pdf", TestCorpus.nestedArchive(30))
			.file("GIAY_DE_NGHI", "khoa.pdf", TestCorpus.encryptedPdf())
			.file("GIAY_DE_NGHI", "cut.pdf", TestCorpus.truncatedPdf())
			.file("GIAY_DE_NGHI", "script.pdf", TestCorpus.shellScript())
			.file("KHONG_CO", "x.pdf", TestCorpus.pdf("x"))
			.post(this.port, "clerk", "/api/v1/dossiers");
		JsonNode body = reply.json();
		assertThat(reply.status()).as(body.toString()).isEqualTo(422);
		Map<String, String> reasons = new java.util.HashMap<>();
		body.path("errors")
			.forEach((error) -> reasons.put(error.path("file").asText(error.path("field").asText()),
					error.path("reason").asText()));
		assertThat(reasons).containsEntry("don.jpg", "name-mismatch")
			.containsEntry("don.pdf", "executable")
			.containsEntry("trang.pdf", "script")
			.containsEntry("anh.png", "script")
			.containsEntry("bomb.pdf", "archive")
			.containsEntry("nested.pdf", "archive")
			.containsEntry("khoa.pdf", "encrypted")
			.containsEntry("cut.pdf", "truncated")
			.containsEntry("script.pdf", "script")
			.containsEntry("x.pdf", "unknown-document-type")
			.containsEntry("GIAY_TO_PHAP_LY_CA_NHAN", "missing-document");
		List<String> messages = body.path("errors").findValuesAsText("message");
		assertThat(messages).anySatisfy((m) -> assertThat(m).startsWith("'don.jpg'").contains("không khớp"))
			.anySatisfy((m) -> assertThat(m).startsWith("'don.pdf'").contains("chương trình"))
			.anySatisfy((m) -> assertThat(m).startsWith("'khoa.pdf'").contains("mã hóa"))
			.anySatisfy((m) -> assertThat(m).startsWith("thiếu: ").contains("căn cước công dân"));
		assertThat(body.path("errors").findValuesAsText("field")).contains("GIAY_TO_PHAP_LY_CA_NHAN");
		assertThat(countRows("document")).isEqualTo(documentsBefore);
		assertThat(countRows("dossier")).isEqualTo(dossiersBefore);
		assertThat(as("clerk").get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void refusesAFileOneByteOverTheLimit() {
		byte[] big = new byte[20 * 1024 * 1024 + 1];
		byte[] pdf = TestCorpus.pdf("big");
		System.arraycopy(pdf, 0, big, 0, pdf.length);
		Multipart.Reply reply = new Multipart().json("application", application(PROCEDURE))
			.file("GIAY_DE_NGHI", "big.pdf", big)
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", TestCorpus.png())
			.post(this.port, "clerk", "/api/v1/dossiers");
		assertThat(reply.status()).as(new String(reply.bytes(), StandardCharsets.UTF_8)).isIn(413, 422);
		assertThat(as("clerk").get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void refusesPdfWithXfaExternalEntityWithoutResolvingIt() throws IOException {
		java.nio.file.Path secret = java.nio.file.Files.createTempFile("motcua-secret", ".txt");
		java.nio.file.Files.writeString(secret, "XXELEAKMARKER");
		try {
			Multipart.Reply reply = new Multipart().json("application", application(PROCEDURE))
				.file("GIAY_DE_NGHI", "xfa.pdf", TestCorpus.xfaPdfWithExternalEntity(secret.toUri().toString()))
				.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", TestCorpus.png())
				.post(this.port, "clerk", "/api/v1/dossiers");
			assertThat(reply.status()).isIn(201, 422);
			assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).doesNotContain("XXELEAKMARKER");
			assertThat(as("clerk").get("/api/v1/dossiers?q=XXELEAKMARKER").body().path("items")).isEmpty();
		}
		finally {
			java.nio.file.Files.deleteIfExists(secret);
		}
	}

	@Test
	void addsSupplementsAsNewVersions() {
		String code = receiveWithDocuments("don.pdf", TestCorpus.pdf("version one"));
		Multipart.Reply reply = new Multipart().file("GIAY_DE_NGHI", "don-moi.docx", TestCorpus.docx("version two"))
			.post(this.port, "clerk", "/api/v1/dossiers/" + code + "/documents");
		assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
		JsonNode added = reply.json().get(0);
		assertThat(added.path("kind").asText()).isEqualTo("SUPPLEMENT");
		assertThat(added.path("version").asInt()).isEqualTo(2);
		assertThat(added.path("supersedesId").isNull()).isFalse();
	}

	@Test
	void jsonIntakeStillWorks() {
		assertThat(receiveDossier("clerk")).isNotBlank();
	}

	private String receiveWithDocuments(String fileName, byte[] pdf) {
		Multipart.Reply reply = new Multipart().json("application", application(PROCEDURE))
			.file("GIAY_DE_NGHI", fileName, pdf)
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", TestCorpus.png())
			.post(this.port, "clerk", "/api/v1/dossiers");
		assertThat(reply.status()).as(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo(201);
		return reply.json().path("code").asText();
	}

	static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	static Map<String, Object> app() {
		return application(PROCEDURE);
	}

}
