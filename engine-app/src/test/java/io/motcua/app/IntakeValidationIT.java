package io.motcua.app;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at intake gets a clear 4xx problem naming what is wrong, and nothing is
 * stored.
 */
class IntakeValidationIT extends ApplicationIT {

	@Test
	void malformedJsonIs400AndStoresNothing() {
		int before = countRows("dossier");
		Api.Reply reply = as("clerk").postRaw("/api/v1/dossiers", "{\"procedureCode\": \"HKD-01\", ",
				"application/json");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.text("type")).isEqualTo("urn:motcua:problem:malformed-request");
		assertThat(countRows("dossier")).isEqualTo(before);
	}

	@Test
	void unknownProcedureIs422NamingTheField() {
		int before = countRows("dossier");
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", application("NO-SUCH"));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("procedureCode");
		assertThat(countRows("dossier")).isEqualTo(before);
	}

	@Test
	void missingApplicantFieldsAreEachNamed() {
		int before = countRows("dossier");
		Map<String, Object> body = application(PROCEDURE);
		body.put("applicant", Map.of("fullName", "", "phone", "12"));
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.text("type")).isEqualTo("urn:motcua:problem:validation-failed");
		assertThat(reply.body().path("errors").findValuesAsText("field")).contains("applicant.fullName",
				"applicant.identityNumber", "applicant.address", "applicant.phone");
		assertThat(countRows("dossier")).isEqualTo(before);
	}

	@Test
	void missingApplicantAndChannelAreNamed() {
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", Map.of("procedureCode", PROCEDURE));
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().path("errors").findValuesAsText("field")).contains("applicant", "channel");
	}

	@Test
	void unknownFieldAndWrongEnumAreNamed() {
		Map<String, Object> body = application(PROCEDURE);
		body.put("colour", "red");
		Api.Reply unknown = as("clerk").post("/api/v1/dossiers", body);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body().path("errors").findValuesAsText("field")).containsExactly("colour");

		Map<String, Object> wrongChannel = application(PROCEDURE);
		wrongChannel.put("channel", "FAX");
		Api.Reply channel = as("clerk").post("/api/v1/dossiers", wrongChannel);
		assertThat(channel.status()).isEqualTo(400);
		assertThat(channel.body().path("errors").findValuesAsText("field")).containsExactly("channel");
	}

	@Test
	void formDataThatIsNotAnObjectIs422() {
		Map<String, Object> body = application(PROCEDURE);
		body.put("formData", java.util.List.of(1, 2));
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", body);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("formData");
	}

	@Test
	void oversizedBodyIs413AndStoresNothing() {
		int before = countRows("dossier");
		Map<String, Object> body = application(PROCEDURE);
		body.put("formData", Map.of("notes", "x".repeat(400_000)));
		Api.Reply reply = as("clerk").post("/api/v1/dossiers", body);
		assertThat(reply.status()).isEqualTo(413);
		assertThat(reply.text("type")).isEqualTo("urn:motcua:problem:payload-too-large");
		assertThat(countRows("dossier")).isEqualTo(before);
	}

	@Test
	void wrongMediaTypeIs415() {
		Api.Reply reply = as("clerk").postRaw("/api/v1/dossiers", "procedureCode=HKD-01", "text/plain");
		assertThat(reply.status()).isEqualTo(415);
	}

	@Test
	void invalidQueryParameterIsNamed() {
		Api.Reply reply = as("clerk").get("/api/v1/dossiers?status=LOST");
		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("status");
		Api.Reply size = as("clerk").get("/api/v1/dossiers?size=5000");
		assertThat(size.status()).isEqualTo(422);
	}

	@Test
	void catalogIsServedAndUnknownProcedureIs404() {
		Api.Reply list = as("clerk").get("/api/v1/procedures");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().findValuesAsText("code")).contains("HKD-01", "CTBS-01", "KH-01", "GPXD-01", "CMD-01");
		assertThat(as("clerk").get("/api/v1/procedures/HKD-01").text("formId"))
			.isEqualTo("household-business-registration");
		assertThat(as("clerk").get("/api/v1/procedures/NOPE").status()).isEqualTo(404);
	}

	@Test
	void anEmptyPathParameterIsAProblemNotTheDefaultErrorPage() {
		for (String path : new String[] { "/api/v1/dossiers//documents", "/api/v1/dossiers/", "/api/v1/dossiers//" }) {
			Api.Reply reply = as("clerk").get(path);
			assertThat(reply.status()).as(path).isIn(400, 404);
			assertThat(reply.contentType()).as(path).startsWith("application/problem+json");
			assertThat(reply.text("type")).as(path).startsWith("urn:motcua:problem:");
			assertThat(reply.body().has("timestamp")).as(path).isFalse();
		}
		Api.Reply empty = as("clerk").get("/api/v1/dossiers//documents");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.text("detail")).contains("//");
		Api.Reply noCode = as("clerk").get("/api/v1/dossiers/");
		assertThat(noCode.status()).isEqualTo(404);
		assertThat(noCode.text("detail")).contains("/api/v1/dossiers/", "trống");
	}

}
