package io.motcua.app;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: 401 without credentials, 403 for a role that may not act, 404 for
 * what belongs to another commune, in single reads, lists and counts alike.
 */
class AccessIT extends ApplicationIT {

	@ParameterizedTest
	@CsvSource({ "/api/v1/procedures", "/api/v1/dossiers", "/api/v1/tasks", "/api/v1/dossiers/X-1/events",
			"/actuator/metrics", "/api/v1/admin/audit/verification", "/api/v1/no-such-thing" })
	void answersUnauthenticatedCallsWith401Problem(String path) {
		Api.Reply reply = anonymous().get(path);
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.text("type")).isEqualTo("urn:motcua:problem:unauthorized");
	}

	@Test
	void openApiDescribesTheApiWithoutLogin() {
		Api.Reply docs = anonymous().get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body().path("paths").has("/api/v1/dossiers")).isTrue();
		assertThat(docs.body().path("paths").has("/public/v1/dossiers/{code}")).isTrue();
		assertThat(docs.body().path("paths").has("/api/v1/tasks/{id}/complete")).isTrue();
	}

	@Test
	void refusesWrongPassword() {
		assertThat(Api.as(this.port, "clerk", "not-demo").get("/api/v1/procedures").status()).isEqualTo(401);
	}

	@Test
	void onlyAnAdministratorOfTheMembersUnitUnlocksTheirLogin() {
		assertThat(anonymous().post("/api/v1/staff/clerk/unlock", "").status()).isEqualTo(401);
		for (String user : new String[] { "clerk", "supervisor", "specialist2" }) {
			Api.Reply refused = as(user).post("/api/v1/staff/clerk/unlock", "");
			assertThat(refused.status()).isEqualTo(403);
			assertThat(refused.text("type")).isEqualTo("urn:motcua:problem:forbidden");
		}
		assertThat(as("admin").post("/api/v1/staff/clerk2/unlock", "").status()).isEqualTo(404);
		assertThat(as("admin").post("/api/v1/staff/clerk/unlock", "").status()).isEqualTo(204);
		assertThat(this.jdbc.queryForObject("select count(*) from login_event where kind = 'ACCOUNT_UNLOCKED'",
				Integer.class))
			.isEqualTo(1);
	}

	@Test
	void healthAnswersWithoutLoginButOtherActuatorEndpointsNeedAdmin() {
		assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
		assertThat(as("clerk").get("/actuator/metrics").status()).isEqualTo(403);
		assertThat(as("supervisor").get("/actuator/prometheus").status()).isEqualTo(403);
		assertThat(as("admin").get("/actuator/metrics").status()).isEqualTo(200);
	}

	@Test
	void unknownPathOfAnAuthenticatedCallerIsA404Problem() {
		Api.Reply reply = as("clerk").get("/api/v1/no-such-thing");
		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.text("type")).isEqualTo("urn:motcua:problem:not-found");
	}

	@ParameterizedTest
	@CsvSource({ "specialist", "approver", "supervisor", "admin" })
	void onlyClerksReceiveDossiers(String user) {
		int before = countRows("dossier");
		Api.Reply reply = as(user).post("/api/v1/dossiers", application(PROCEDURE));
		assertThat(reply.status()).isEqualTo(403);
		assertThat(reply.text("type")).isEqualTo("urn:motcua:problem:forbidden");
		assertThat(countRows("dossier")).isEqualTo(before);
	}

	@Test
	void staffOfAnotherCommuneSeeNothingOfTheDossier() {
		String code = receiveDossier("clerk");
		for (String other : new String[] { "clerk2", "specialist2", "approver2" }) {
			assertThat(as(other).get("/api/v1/dossiers/" + code).status()).isEqualTo(404);
			assertThat(as(other).get("/api/v1/dossiers/" + code + "/events").status()).isEqualTo(404);
			assertThat(as(other).get("/api/v1/dossiers/" + code + "/steps").status()).isEqualTo(404);
			Api.Reply list = as(other).get("/api/v1/dossiers?size=200");
			assertThat(list.body().path("items").findValuesAsText("code")).doesNotContain(code);
			assertThat(list.body().path("items").findValuesAsText("receivingUnit")).doesNotContain("TRANBIEN");
		}
		String second = receiveDossier("clerk2");
		assertThat(second).startsWith("LONGTHANH-");
		Api.Reply firstList = as("supervisor").get("/api/v1/dossiers?size=200");
		assertThat(firstList.body().path("items").findValuesAsText("code")).contains(code).doesNotContain(second);
		long firstUnitRows = this.jdbc.queryForObject(
				"select count(*) from dossier where receiving_unit = 'TRANBIEN' or processing_unit = 'TRANBIEN'",
				Long.class);
		assertThat(firstList.body().path("totalItems").asLong()).isEqualTo(firstUnitRows);
		assertThat(as("clerk2").post("/api/v1/dossiers/" + code + "/withdrawal", Map.of("reason", "x")).status())
			.isEqualTo(404);
	}

	@Test
	void tasksOfAnotherCommuneAreNotFoundAndWrongRoleIsForbidden() {
		String code = receiveDossier("clerk");
		String review = openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER);
		assertThat(as("specialist2").get("/api/v1/tasks/" + review).status()).isEqualTo(404);
		assertThat(complete("specialist2", review, "PROPOSE_APPROVAL").status()).isEqualTo(404);
		assertThat(as("specialist2").get("/api/v1/tasks?dossier=" + code).body().path("items")).isEmpty();
		Api.Reply wrongRole = complete("approver", review, "PROPOSE_APPROVAL");
		assertThat(wrongRole.status()).isEqualTo(403);
		assertThat(status("clerk", code)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void unknownOutcomeIs422AndChangesNothing() {
		String code = receiveDossier("clerk");
		String review = openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER);
		Api.Reply reply = complete("specialist", review, "APPROVE");
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().path("errors").findValuesAsText("field")).containsExactly("outcome");
		assertThat(openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER)).isEqualTo(review);
		assertThat(as("specialist").get("/api/v1/tasks/" + review).body().path("assignee").isNull()).isTrue();
	}

	@Test
	void completingATaskSomeoneElseHoldsIsAConflict() {
		String code = receiveDossier("clerk");
		String review = openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER);
		assertThat(as("specialist").post("/api/v1/tasks/" + review + "/claim", "").status()).isEqualTo(200);
		String extra = StaffFixtures.addStaff(this.jdbc, "specialist-b", "TRANBIEN", "SPECIALIST");
		Api.Reply reply = complete(extra, review, "PROPOSE_APPROVAL");
		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.body().path("detail").asText()).contains("held by specialist");
		Api.Reply completedTwice = complete("specialist", review, "PROPOSE_APPROVAL");
		assertThat(completedTwice.status()).isEqualTo(204);
		assertThat(complete("specialist", review, "PROPOSE_APPROVAL").status()).isEqualTo(409);
	}

	@Test
	void onlySpecialistsRequestSupplementsAndOnlyClerksWithdraw() {
		String code = receiveDossier("clerk");
		assertThat(
				as("clerk").post("/api/v1/dossiers/" + code + "/supplement-requests", Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(as("specialist").post("/api/v1/dossiers/" + code + "/withdrawal", Map.of("reason", "x")).status())
			.isEqualTo(403);
		assertThat(status("clerk", code)).isEqualTo("IN_PROGRESS");
	}

}
