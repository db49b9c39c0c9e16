package io.motcua.app.intake;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.documents.Multipart;
import io.motcua.app.documents.TestCorpus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter's checklist: every required document is attached as a file or ticked as a
 * paper original received, with its copies; otherwise intake answers 422 naming each one
 * missing and stores nothing. The ticks are stored with the dossier, shown with it and
 * printed on Form 01.
 */
class CounterChecklistIT extends ApplicationIT {

	@Test
	void jsonIntakeWithoutDocumentsIs422NamingEachMissingOneAndStoresNothing() {
		int dossiers = countRows("dossier");
		int ticks = countRows("dossier_paper_original");
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", withoutPaper(application(PROCEDURE)));
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(422);
		assertThat(reply.text("type")).isEqualTo("urn:motcua:problem:validation-failed");
		assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("GIAY_DE_NGHI",
				"GIAY_TO_PHAP_LY_CA_NHAN");
		assertThat(reply.body().path("errors").findValuesAsText("reason")).containsOnly("missing-document");
		assertThat(reply.body().path("errors").findValuesAsText("message"))
			.allSatisfy((message) -> assertThat(message).startsWith("thiếu: ").contains("bản giấy"));
		assertThat(countRows("dossier")).isEqualTo(dossiers);
		assertThat(countRows("dossier_paper_original")).isEqualTo(ticks);

		// One ticked, one missing: the missing one named, in English on request
		Map<String, Object> half = withoutPaper(application(PROCEDURE));
		half.put("paperOriginals", List.of(Map.of("documentType", "GIAY_DE_NGHI")));
		Api.Reply english = as("clerk").withHeader("Accept-Language", "en").post("/api/v1/dossiers", half);
		assertThat(english.status()).isEqualTo(422);
		assertThat(english.body().path("errors").findValuesAsText("field")).containsExactly("GIAY_TO_PHAP_LY_CA_NHAN");
		assertThat(english.body().path("errors").findValuesAsText("message").get(0)).startsWith("missing: ")
			.contains("paper original");
		assertThat(countRows("dossier")).isEqualTo(dossiers);
	}

	@Test
	void ticksOfNoDocumentTypeTwiceOrWithoutCopiesAreNamed() {
		int dossiers = countRows("dossier");
		Map<String, Object> body = application(PROCEDURE);
		body.put("paperOriginals", List.of(Map.of("documentType", "GIAY_DE_NGHI", "copies", 1),
				Map.of("documentType", "GIAY_TO_PHAP_LY_CA_NHAN", "copies", 1),
				Map.of("documentType", "KHONG_CO", "copies", 1), Map.of("documentType", "GIAY_DE_NGHI", "copies", 2)));
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().path("errors").findValuesAsText("field"))
			.containsExactly("paperOriginals[2].documentType", "paperOriginals[3].documentType");

		body.put("paperOriginals", List.of(Map.of("documentType", "GIAY_DE_NGHI", "copies", 0),
				Map.of("documentType", "GIAY_TO_PHAP_LY_CA_NHAN", "copies", 1)));
		Api.Reply zero = as("clerk").post("/api/v1/dossiers", body);
		assertThat(zero.status()).isEqualTo(422);
		assertThat(zero.body().path("errors").findValuesAsText("field")).containsExactly("paperOriginals[0].copies");
		assertThat(countRows("dossier")).isEqualTo(dossiers);
	}

	@Test
	void paperTicksAreStoredShownAndPrintedOnTheReceipt() throws Exception {
		Map<String, Object> body = application(PROCEDURE);
		body.put("paperOriginals", List.of(Map.of("documentType", "GIAY_DE_NGHI", "copies", 2),
				Map.of("documentType", "GIAY_TO_PHAP_LY_CA_NHAN")));
		Api.Reply received = as("clerk").post("/api/v1/dossiers", body);
		assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
		String code = received.text("code");
		assertThat(received.text("receiptUrl")).isEqualTo("/api/v1/dossiers/" + code + "/receipt");

		JsonNode dossier = as("clerk").get("/api/v1/dossiers/" + code).body();
		assertThat(dossier.path("paperOriginals").toString())
			.isEqualTo("[{\"documentType\":\"GIAY_DE_NGHI\",\"copies\":2},"
					+ "{\"documentType\":\"GIAY_TO_PHAP_LY_CA_NHAN\",\"copies\":1}]");

		Multipart.Reply receipt = Multipart.get(this.port, "clerk", received.text("receiptUrl"));
		assertThat(receipt.status()).isEqualTo(200);
		String text = text(receipt.bytes()).replaceAll("\\s+", " ");
		assertThat(text).contains("Giấy tờ đã nhận:", "Giấy đề nghị đăng ký hộ kinh doanh: bản giấy: 2 bản",
				": bản giấy: 1 bản");
	}

	@Test
	void multipartIntakeTakesFilesForSomeAndPaperForTheOthers() {
		Map<String, Object> application = withoutPaper(application(PROCEDURE));
		application.put("paperOriginals", List.of(Map.of("documentType", "GIAY_TO_PHAP_LY_CA_NHAN", "copies", 1)));
		Multipart.Reply reply = new Multipart().json("application", application)
			.file("GIAY_DE_NGHI", "don.pdf", TestCorpus.pdf("don de nghi"))
			.post(this.port, "clerk", "/api/v1/dossiers");
		assertThat(reply.status()).as(reply.json().toString()).isEqualTo(201);
		String code = reply.json().path("code").asText();
		assertThat(this.jdbc.queryForList(
				"select document_type from dossier_paper_original where dossier_code = ? order by document_type",
				String.class, code))
			.containsExactly("GIAY_TO_PHAP_LY_CA_NHAN");

		// Neither file nor tick for the identity card: refused, nothing stored.
		// The first dossier's receipt is printed after commit: let it be, so
		// that it is not counted as something the refused intake stored.
		awaitReactions(code);
		int dossiers = countRows("dossier");
		int documents = countRows("document");
		Multipart.Reply missing = new Multipart().json("application", withoutPaper(application(PROCEDURE)))
			.file("GIAY_DE_NGHI", "don.pdf", TestCorpus.pdf("don de nghi"))
			.post(this.port, "clerk", "/api/v1/dossiers");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().path("errors").findValuesAsText("field")).containsExactly("GIAY_TO_PHAP_LY_CA_NHAN");
		assertThat(countRows("dossier")).isEqualTo(dossiers);
		assertThat(countRows("document")).isEqualTo(documents);
	}

	private static String text(byte[] pdf) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

}
