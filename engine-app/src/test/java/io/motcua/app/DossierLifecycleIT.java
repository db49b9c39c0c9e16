package io.motcua.app;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks dossiers through every path of the lifecycle over the HTTP API, as the demo users
 * would.
 */
class DossierLifecycleIT extends ApplicationIT {

	@Autowired
	ManagementService managementService;

	@Test
	void walksDossierFromIntakeToReturnAndApplicantFollowsIt() {
		Api.Reply received = as("clerk").post("/api/v1/dossiers", application(PROCEDURE));
		assertThat(received.status()).isEqualTo(201);
		String code = received.text("code");
		String secret = received.text("lookupSecret");
		assertThat(code).matches("TRANBIEN-\\d{8}-\\d{4}");
		assertThat(received.location()).isEqualTo("/api/v1/dossiers/" + code);
		assertThat(received.text("receivedAt")).isNotNull();
		assertThat(secret).hasSize(10);

		Api.Reply worklist = as("specialist").get("/api/v1/tasks?dossier=" + code);
		assertThat(worklist.body().path("items").findValuesAsText("dossierCode")).containsExactly(code);
		assertThat(as("specialist2").get("/api/v1/tasks?dossier=" + code).body().path("items")).isEmpty();
		String review = openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER);
		Api.Reply task = as("specialist").get("/api/v1/tasks/" + review);
		assertThat(task.body().path("outcomes").toString()).contains("PROPOSE_APPROVAL", "PROPOSE_REJECTION",
				"REQUEST_SUPPLEMENT");
		assertThat(as("specialist").post("/api/v1/tasks/" + review + "/claim", "").status()).isEqualTo(200);
		assertThat(complete("specialist", review, "PROPOSE_APPROVAL").status()).isEqualTo(204);
		assertThat(status("clerk", code)).isEqualTo("IN_PROGRESS");

		String approval = openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER);
		assertThat(complete("approver", approval, "APPROVE").status()).isEqualTo(204);
		assertThat(status("clerk", code)).isEqualTo("APPROVED");

		String signing = openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT);
		assertThat(complete("approver", signing, "SIGN").status()).isEqualTo(204);
		awaitStatus(code, "RESULT_READY");
		Api.Reply signatures = as("clerk").get("/api/v1/dossiers/" + code + "/signatures");
		assertThat(signatures.body().findValuesAsText("role")).containsExactly("APPROVER", "SEAL");

		String giveBack = openTask("clerk", code, DossierLifecycle.TASK_RETURN_RESULT);
		assertThat(complete("clerk", giveBack, "RETURN").status()).isEqualTo(204);

		Api.Reply dossier = as("supervisor").get("/api/v1/dossiers/" + code);
		assertThat(dossier.text("status")).isEqualTo("RETURNED");
		assertThat(dossier.text("outcome")).isEqualTo("APPROVED");
		assertThat(dossier.text("completedAt")).isNotNull();
		assertThat(dossier.text("returnedAt")).isNotNull();

		Api.Reply events = as("clerk").get("/api/v1/dossiers/" + code + "/events");
		List<String> statuses = new ArrayList<>();
		events.body().forEach((event) -> {
			if (event.path("type").asText().equals("STATUS_CHANGED")
					|| event.path("type").asText().equals("RECEIVED")) {
				statuses.add(event.path("toStatus").asText());
			}
		});
		assertThat(statuses).containsExactly("RECEIVED", "IN_PROGRESS", "APPROVED", "SIGNED", "RESULT_READY",
				"RETURNED");
		assertThat(events.body().findValuesAsText("actor")).contains("clerk", "specialist", "approver");

		Api.Reply lookup = anonymous().get("/public/v1/dossiers/" + code + "?secret=" + secret);
		assertThat(lookup.status()).isEqualTo(200);
		assertThat(lookup.text("status")).isEqualTo("RETURNED");
		assertThat(lookup.body().path("steps").findValuesAsText("status")).contains("RECEIVED", "RETURNED");
		assertThat(lookup.body().toString()).doesNotContain("Nguyễn", "079203001234", "0912345678", "clerk",
				"specialist");
	}

	@Test
	void intakeWithoutFilesStillIssuesAReceiptAfterItCommits() throws Exception {
		Api.Reply received = as("clerk").post("/api/v1/dossiers", application(PROCEDURE));
		String code = received.text("code");
		awaitReactions(code);
		Api.Reply documents = as("clerk").get("/api/v1/dossiers/" + code + "/documents");
		List<Long> receipts = new java.util.ArrayList<>();
		for (var document : documents.body()) {
			if (document.path("kind").asText().equals("RECEIPT")) {
				receipts.add(document.path("id").asLong());
			}
		}
		assertThat(receipts).as(documents.body().toString()).hasSize(1);
		String text = pdfText("/api/v1/dossiers/" + code + "/documents/" + receipts.get(0) + "/content");
		assertThat(text).contains(code, received.text("lookupSecret"), "Thời gian hẹn trả kết quả");
		// The secret waited for the receipt only: the receipt holds it now, the database
		// no more
		assertThat(this.jdbc.queryForObject("select count(*) from receipt_order where dossier_code = ?", Integer.class,
				code))
			.isZero();
		assertThat(received.body().toString()).contains(received.text("lookupSecret"));
		assertThat(this.jdbc.queryForList("select serialized_event from event_publication", String.class))
			.noneMatch((event) -> event.contains(received.text("lookupSecret")));
	}

	@Test
	void receiptAskedForRightAfterIntakeIsPrintedOnceWhoeverComesFirst() throws Exception {
		for (int round = 0; round < 5; round++) {
			Api.Reply received = as("clerk").post("/api/v1/dossiers", application(PROCEDURE));
			String code = received.text("code");
			// The clerk's page asks for the receipt at once, racing the reaction that
			// prints it after commit
			String text = pdfText("/api/v1/dossiers/" + code + "/receipt");
			assertThat(text).contains(code, received.text("lookupSecret"));
			awaitReactions(code);
			assertThat(this.jdbc.queryForObject(
					"select count(*) from document where dossier_code = ? and kind = 'RECEIPT'", Integer.class, code))
				.isEqualTo(1);
		}
	}

	private String pdfText(String path) throws Exception {
		java.net.http.HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + this.port + path))
				.header("Authorization",
						"Basic " + java.util.Base64.getEncoder()
							.encodeToString("clerk:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
			return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
		}
	}

	@Test
	void worklistComesEarliestDeadlineFirst() {
		receiveDossier("clerk");
		receiveDossier("clerk");
		Api.Reply worklist = as("specialist").get("/api/v1/tasks?size=100");
		List<String> due = worklist.body().path("items").findValuesAsText("dueAt");
		assertThat(due).isNotEmpty().isSorted();
		assertThat(worklist.body().path("items").findValuesAsText("candidateGroup"))
			.containsOnly("TRANBIEN:SPECIALIST");
	}

	@Test
	void rejectionIsApprovedSignedAndReturnedAsRefusal() {
		String code = receiveDossier("clerk");
		complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER), "PROPOSE_REJECTION");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		assertThat(status("clerk", code)).isEqualTo("REJECTED");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(code, "RESULT_READY");
		complete("clerk", openTask("clerk", code, DossierLifecycle.TASK_RETURN_RESULT), "RETURN");
		Api.Reply dossier = as("clerk").get("/api/v1/dossiers/" + code);
		assertThat(dossier.text("status")).isEqualTo("RETURNED");
		assertThat(dossier.text("outcome")).isEqualTo("REJECTED");
	}

	@Test
	void approverSendsBackAndSpecialistReviewsAgain() {
		String code = receiveDossier("clerk");
		complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER), "PROPOSE_APPROVAL");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "SEND_BACK");
		String again = openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER);
		assertThat(again).isNotBlank();
		assertThat(status("clerk", code)).isEqualTo("IN_PROGRESS");
	}

	@Test
	void supplementRequestPausesDossierUntilClerkRecordsTheSupplement() {
		String code = receiveDossier("clerk");
		Api.Reply requested = as("specialist").post("/api/v1/dossiers/" + code + "/supplement-requests",
				Map.of("reason", "Thiếu bản sao hợp đồng thuê địa điểm kinh doanh"));
		assertThat(requested.status()).as(requested.body().toString()).isEqualTo(200);
		assertThat(status("clerk", code)).isEqualTo("AWAITING_SUPPLEMENT");

		Api.Reply again = as("specialist").post("/api/v1/dossiers/" + code + "/supplement-requests",
				Map.of("reason", "twice"));
		assertThat(again.status()).isEqualTo(409);

		Api.Reply supplied = as("clerk").post("/api/v1/dossiers/" + code + "/supplements",
				Map.of("note", "Đã nhận bản sao hợp đồng"));
		assertThat(supplied.status()).as(supplied.body().toString()).isEqualTo(200);
		assertThat(status("clerk", code)).isEqualTo("IN_PROGRESS");
		assertThat(openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER)).isNotBlank();

		Api.Reply notAwaited = as("clerk").post("/api/v1/dossiers/" + code + "/supplements", Map.of("note", "x"));
		assertThat(notAwaited.status()).isEqualTo(409);
		assertThat(notAwaited.body().path("detail").asText()).contains("not awaiting a supplement");
	}

	@Test
	void dossierIsReturnedUnprocessedWhenTheSupplementDeadlinePasses() {
		String code = receiveDossier("clerk");
		Instant deadline = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		as("specialist").post("/api/v1/dossiers/" + code + "/supplement-requests",
				Map.of("reason", "Thiếu giấy tờ", "deadline", deadline.toString()));
		String processInstanceId = this.jdbc.queryForObject("select process_instance_id from dossier where code = ?",
				String.class, code);
		Job timer = this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(DossierLifecycle.TIMER_SUPPLEMENT_DEADLINE)
			.singleResult();
		assertThat(timer.getDuedate().toInstant()).isEqualTo(deadline);

		this.clock.set(deadline.plusSeconds(60));
		this.managementService.executeJob(timer.getId());

		Api.Reply dossier = as("clerk").get("/api/v1/dossiers/" + code);
		assertThat(dossier.text("status")).isEqualTo("RETURNED_UNPROCESSED");
		assertThat(dossier.text("outcome")).isEqualTo("RETURNED_UNPROCESSED");
		Api.Reply events = as("clerk").get("/api/v1/dossiers/" + code + "/events");
		assertThat(events.body().findValuesAsText("actor")).contains("system");
	}

	@Test
	void applicantWithdrawsBeforeSigningButNotAfter() {
		String code = receiveDossier("clerk");
		Api.Reply withdrawn = as("clerk").post("/api/v1/dossiers/" + code + "/withdrawal",
				Map.of("reason", "Người nộp xin rút hồ sơ"));
		assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(200);
		assertThat(status("clerk", code)).isEqualTo("WITHDRAWN");
		assertThat(as("specialist").get("/api/v1/tasks?dossier=" + code).body().path("items")).isEmpty();

		String signed = receiveDossier("clerk");
		complete("specialist", openTask("specialist", signed, DossierLifecycle.TASK_REVIEW_DOSSIER),
				"PROPOSE_APPROVAL");
		complete("approver", openTask("approver", signed, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		complete("approver", openTask("approver", signed, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(signed, "RESULT_READY");
		Api.Reply tooLate = as("clerk").post("/api/v1/dossiers/" + signed + "/withdrawal", Map.of("reason", "late"));
		assertThat(tooLate.status()).isEqualTo(409);
		assertThat(tooLate.body().path("type").asText()).isEqualTo("urn:motcua:problem:conflict");
		assertThat(status("clerk", signed)).isEqualTo("RESULT_READY");
	}

	@Test
	void publicLookupAnswersWrongSecretExactlyLikeUnknownCode() {
		Api.Reply received = as("clerk").post("/api/v1/dossiers", application(PROCEDURE));
		String code = received.text("code");
		Api.Reply wrongSecret = anonymous().get("/public/v1/dossiers/" + code + "?secret=WRONGSECRT");
		Api.Reply unknownCode = anonymous().get("/public/v1/dossiers/TRANBIEN-19990101-9999?secret=WRONGSECRT");
		Api.Reply noSecret = anonymous().get("/public/v1/dossiers/" + code);
		assertThat(wrongSecret.status()).isEqualTo(404);
		assertThat(unknownCode.status()).isEqualTo(404);
		assertThat(noSecret.status()).isEqualTo(404);
		assertThat(wrongSecret.body().path("detail")).isEqualTo(unknownCode.body().path("detail"));
		assertThat(wrongSecret.body().path("title")).isEqualTo(unknownCode.body().path("title"));
		Api.Reply lowerCase = anonymous()
			.get("/public/v1/dossiers/" + code + "?secret=" + received.text("lookupSecret").toLowerCase());
		assertThat(lowerCase.status()).isEqualTo(200);
		assertThat(lowerCase.text("status")).isEqualTo("IN_PROGRESS");
	}

}
