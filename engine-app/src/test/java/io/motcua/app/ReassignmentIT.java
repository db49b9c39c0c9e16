package io.motcua.app;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A supervisor hands an open step to another member of the unit who holds the step's
 * role.
 */
class ReassignmentIT extends ApplicationIT {

	@Test
	void supervisorHandsAStepToAnotherSpecialistWhoThenCompletesIt() {
		String other = StaffFixtures.addStaff(this.jdbc, "specialist-d", "TRANBIEN", "SPECIALIST");
		String code = receiveDossier("clerk");
		String review = openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER);
		assertThat(as("specialist").post("/api/v1/tasks/" + review + "/claim", "").status()).isEqualTo(200);

		Api.Reply moved = as("supervisor").post("/api/v1/tasks/" + review + "/assignee", Map.of("username", other));
		assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
		assertThat(moved.text("assignee")).isEqualTo(other);
		assertThat(complete("specialist", review, "PROPOSE_APPROVAL").status()).isEqualTo(409);
		assertThat(complete(other, review, "PROPOSE_APPROVAL").status()).isEqualTo(204);
		assertThat(as("clerk").get("/api/v1/dossiers/" + code + "/events").body().findValuesAsText("detail"))
			.anyMatch((detail) -> detail.contains("specialist → " + other));
	}

	@Test
	void onlySupervisorsHandOverAndOnlyToSomeoneWithTheRole() {
		String code = receiveDossier("clerk");
		String review = openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER);
		assertThat(as("specialist").post("/api/v1/tasks/" + review + "/assignee", Map.of("username", "specialist"))
			.status()).isEqualTo(403);
		Api.Reply clerk = as("supervisor").post("/api/v1/tasks/" + review + "/assignee", Map.of("username", "clerk"));
		assertThat(clerk.status()).isEqualTo(422);
		assertThat(clerk.body().path("errors").findValuesAsText("field")).containsExactly("username");
		Api.Reply otherUnit = as("supervisor").post("/api/v1/tasks/" + review + "/assignee",
				Map.of("username", "specialist2"));
		assertThat(otherUnit.status()).isEqualTo(422);
		String foreign = openTask("specialist2", receiveDossier("clerk2"), DossierLifecycle.TASK_REVIEW_DOSSIER);
		assertThat(as("supervisor").post("/api/v1/tasks/" + foreign + "/assignee", Map.of("username", "specialist"))
			.status()).isEqualTo(404);
		complete("specialist", review, "PROPOSE_APPROVAL");
		assertThat(as("supervisor").post("/api/v1/tasks/" + review + "/assignee", Map.of("username", "specialist"))
			.status()).isEqualTo(409);
	}

}
