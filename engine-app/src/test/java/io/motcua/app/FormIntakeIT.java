package io.motcua.app;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake validates the procedure's application form on the server, whatever client sent
 * it, and refuses a broken one with every violation named; nothing is stored.
 */
class FormIntakeIT extends ApplicationIT {

	@ParameterizedTest
	@ValueSource(strings = { "HKD-01", "CTBS-01", "KH-01", "GPXD-01", "CMD-01" })
	void everyProcedureAcceptsItsValidFormAndRecordsTheFormVersion(String procedure) {
		Api.Reply received = as("clerk").post("/api/v1/dossiers", application(procedure));
		assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
		Api.Reply dossier = as("clerk").get("/api/v1/dossiers/" + received.text("code"));
		assertThat(dossier.text("formId")).isNotBlank();
		assertThat(dossier.text("formVersion")).isNotBlank();
		assertThat(dossier.body().path("formData")).isNotEmpty();
	}

	@Test
	void stepFormIsValidatedWhenTheStepIsCompletedAndKeptWithIt() {
		String code = receiveDossier("clerk");
		String review = openTask("specialist", code, io.motcua.processes.DossierLifecycle.TASK_REVIEW_DOSSIER);
		Api.Reply incomplete = as("specialist").post("/api/v1/tasks/" + review + "/complete",
				Map.of("outcome", "PROPOSE_APPROVAL", "formData", Map.of("siteVisit", true, "grade", "A")));
		assertThat(incomplete.status()).isEqualTo(422);
		assertThat(incomplete.body().path("errors").findValuesAsText("field"))
			.containsExactlyInAnyOrder("formData.siteVisitDate", "formData.grade");
		assertThat(openTask("specialist", code, io.motcua.processes.DossierLifecycle.TASK_REVIEW_DOSSIER))
			.isEqualTo(review);

		Api.Reply done = as("specialist").post("/api/v1/tasks/" + review + "/complete",
				Map.of("outcome", "PROPOSE_APPROVAL", "formData",
						Map.of("findings", "Hồ sơ hợp lệ", "siteVisit", true, "siteVisitDate", "2026-11-20")));
		assertThat(done.status()).as(done.body().toString()).isEqualTo(204);
		JsonNode step = as("clerk").get("/api/v1/dossiers/" + code + "/steps").body().get(0);
		assertThat(step.path("formId").asText()).isEqualTo("review-findings");
		assertThat(step.path("formData").path("findings").asText()).isEqualTo("Hồ sơ hợp lệ");
	}

	@Test
	void servesTheFormDefinitionAsModelerSavedIt() {
		Api.Reply form = as("clerk").get("/api/v1/procedures/HKD-01/form");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.text("id")).isEqualTo("household-business-registration");
		assertThat(form.text("type")).isEqualTo("default");
		assertThat(form.body().path("components").isArray()).isTrue();
		assertThat(as("clerk").get("/api/v1/procedures/NOPE/form").status()).isEqualTo(404);
	}

	@Test
	void brokenFormIsRefusedNamingEveryFieldAndNothingIsStored() {
		int before = countRows("dossier");
		Map<String, Object> body = application("HKD-01");
		Map<String, Object> business = new HashMap<>();
		business.put("name", "");
		business.put("ownership", "corporation");
		business.put("capital", "a lot");
		business.put("line", "Bán lẻ");
		business.put("address", "Trấn Biên");
		business.put("startDate", "01/12/2026");
		body.put("formData", Map.of("business", business, "colour", "red"));
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.text("type")).isEqualTo("urn:motcua:problem:validation-failed");
		assertThat(reply.body().path("errors").findValuesAsText("field")).contains("formData.business.name",
				"formData.business.ownership", "formData.business.capital", "formData.business.startDate",
				"formData.commitment", "formData.colour");
		assertThat(countRows("dossier")).isEqualTo(before);
	}

	@Test
	void applicantSectionOfTheFormIsCheckedToo() {
		Map<String, Object> body = application("KH-01");
		@SuppressWarnings("unchecked")
		Map<String, Object> applicant = new HashMap<>((Map<String, Object>) body.get("applicant"));
		applicant.put("identityNumber", "123456789");
		body.put("applicant", applicant);
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().path("errors").findValuesAsText("field")).contains("applicant.identityNumber");
	}

	@Test
	void aFieldShownByAConditionIsRequiredAndHiddenItIsNot() {
		Map<String, Object> byPost = application("CTBS-01");
		byPost.put("formData", Map.of("document", Map.of("name", "Bằng tốt nghiệp", "language", "vi", "pageCount", 2),
				"copyCount", 1, "delivery", Map.of("method", "post")));
		Api.Reply missingAddress = as("clerk").post("/api/v1/dossiers", byPost);
		assertThat(missingAddress.status()).isEqualTo(422);
		assertThat(missingAddress.body().path("errors").findValuesAsText("field"))
			.containsExactly("formData.delivery.address");

		Map<String, Object> atCounter = application("CTBS-01");
		atCounter.put("formData",
				Map.of("document", Map.of("name", "Bằng tốt nghiệp", "language", "vi", "pageCount", 2), "copyCount", 1,
						"delivery", Map.of("method", "counter")));
		assertThat(as("clerk").post("/api/v1/dossiers", atCounter).status()).isEqualTo(201);
	}

	@Test
	void messagesComeInVietnameseUnlessTheClientAsksForEnglish() {
		Map<String, Object> body = application("CTBS-01");
		body.put("formData", Map.of());
		Api.Reply vietnamese = as("clerk").post("/api/v1/dossiers", body);
		assertThat(vietnamese.status()).isEqualTo(422);
		JsonNode first = vietnamese.body().path("errors").get(0);
		assertThat(first.path("message").asText()).containsPattern("[ạảãâầấậẩẫăằắặẳẵđêềếệểễơờớợởỡưừứựửữ]");
		Api.Reply english = as("clerk").withHeader("Accept-Language", "en").post("/api/v1/dossiers", body);
		assertThat(english.body().path("errors").get(0).path("message").asText()).endsWith("is required.");
	}

}
