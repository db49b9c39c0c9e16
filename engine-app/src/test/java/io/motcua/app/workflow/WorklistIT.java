package io.motcua.app.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worklist merges the steps a specialist holds with the unclaimed steps of its groups
 * (read as separate ranges): one order, earliest deadline first, and pages that follow
 * each other without gaps or repeats.
 */
class WorklistIT extends ApplicationIT {

	@Autowired
	TaskRecordRepository records;

	private static final Comparator<JsonNode> WORKLIST_ORDER = Comparator
		.comparing((JsonNode step) -> instant(step.path("dueAt")), Comparator.nullsLast(Comparator.naturalOrder()))
		.thenComparing((step) -> instant(step.path("createdAt")));

	@Test
	void heldAndUnclaimedStepsComeInDeadlineOrderAcrossPages() {
		String held = receiveDossier("clerk");
		String unclaimed = receiveDossier("clerk");
		receiveDossier("clerk");
		String heldStep = openTask("specialist", held, DossierLifecycle.TASK_REVIEW_DOSSIER);
		assertThat(as("specialist").post("/api/v1/tasks/" + heldStep + "/claim", "").status()).isEqualTo(200);
		String unclaimedStep = openTask("specialist", unclaimed, DossierLifecycle.TASK_REVIEW_DOSSIER);

		// This class's database holds these three dossiers only: their three reviews are
		// the
		// specialist's whole worklist
		List<JsonNode> steps = new ArrayList<>();
		long total = -1;
		for (int page = 0; total < 0 || steps.size() < total; page++) {
			Api.Reply reply = as("specialist").get("/api/v1/tasks?size=200&page=" + page);
			assertThat(reply.status()).isEqualTo(200);
			total = reply.body().path("totalItems").asLong();
			if (reply.body().path("items").isEmpty()) {
				break;
			}
			reply.body().path("items").forEach(steps::add);
		}
		assertThat(total).isEqualTo(3);
		assertThat(steps).hasSize(3);
		assertThat(steps).extracting((step) -> step.path("id").asText()).contains(heldStep, unclaimedStep);
		assertThat(steps).extracting((step) -> step.path("id").asText()).doesNotHaveDuplicates();
		assertThat(steps).isSortedAccordingTo(WORKLIST_ORDER);

		List<String> paged = new ArrayList<>();
		for (int page = 0; page < 3; page++) {
			Api.Reply reply = as("specialist").get("/api/v1/tasks?size=2&page=" + page);
			assertThat(reply.body().path("totalItems").asLong()).isEqualTo(total);
			reply.body().path("items").forEach((step) -> paged.add(step.path("id").asText()));
		}
		assertThat(paged).containsExactlyElementsOf(
				steps.subList(0, Math.min(6, steps.size())).stream().map((step) -> step.path("id").asText()).toList());

		assertThat(as("specialist").get("/api/v1/tasks?size=2").body().path("totalCapped").asBoolean()).isFalse();
		// A long worklist is counted only so far: the unclaimed reviews, counted up to
		// two
		assertThat(this.records.countOpenUnclaimedUpTo("TRANBIEN:SPECIALIST", 2)).isEqualTo(2);
		assertThat(this.records.countOpenUnclaimedUpTo("TRANBIEN:SPECIALIST", 10)).isEqualTo(2);
		assertThat(this.records.countOpenHeldUpTo("specialist", 10)).isEqualTo(1);

		// Neither is in the worklist of an approver (another role)
		assertThat(as("approver").get("/api/v1/tasks?size=200").body().path("items").findValuesAsText("id"))
			.doesNotContain(heldStep, unclaimedStep);
	}

	private static Instant instant(JsonNode value) {
		return (value == null || value.isNull() || value.isMissingNode()) ? null : Instant.parse(value.asText());
	}

}
