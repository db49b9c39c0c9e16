package io.motcua.app.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deadlines exact to the minute through the HTTP API: a household business registration
 * (three working days) received just before the lunar new year, paused for a supplement,
 * resumed during the holiday, extended, and re-projected after a calendar change; the SLA
 * timers fire at those instants.
 */
class DeadlineIT extends ApplicationIT {

	@Autowired
	ManagementService managementService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	ObjectMapper objectMapper;

	JsonNode originalCalendar;

	@AfterEach
	void restoreCalendar() {
		if (this.originalCalendar != null) {
			assertThat(as("admin").put("/api/v1/calendars/2026", this.originalCalendar).status()).isEqualTo(200);
		}
	}

	@Test
	void supplementOverTheLunarNewYearMovesTheDueDateExactly() {
		this.clock.set(at("2026-02-12T08:00+07:00"));
		String code = receiveDossier("clerk");
		// Thursday 7h, Friday 7h30, the Tết week off, Monday 7h30, Tuesday 30 min.
		assertThat(dueAt(code)).isEqualTo(at("2026-02-24T08:00+07:00"));
		assertThat(timerDue(code, DossierLifecycle.TIMER_SLA_OVERDUE)).isEqualTo(at("2026-02-24T08:00+07:00"));

		this.clock.set(at("2026-02-13T09:00+07:00"));
		Api.Reply requested = as("specialist").post("/api/v1/dossiers/" + code + "/supplement-requests",
				Map.of("reason", "Thiếu hợp đồng thuê nhà", "deadline", "2026-03-13T10:00:00Z"));
		assertThat(requested.status()).as(requested.body().toString()).isEqualTo(200);
		Api.Reply paused = as("clerk").get("/api/v1/dossiers/" + code + "/deadline");
		assertThat(paused.body().path("paused").asBoolean()).isTrue();
		assertThat(paused.body().path("dueAt").isNull()).isTrue();
		assertThat(dueAt(code)).isNull();
		assertThat(timerJob(code, DossierLifecycle.TIMER_SLA_OVERDUE).isSuspended()).isTrue();

		this.clock.set(at("2026-02-18T10:00+07:00"));
		assertThat(as("clerk").post("/api/v1/dossiers/" + code + "/supplements", Map.of("note", "Đã bổ sung")).status())
			.isEqualTo(200);
		// 8h30 were used; 14h remain from Monday 23 February 07:30.
		Instant due = at("2026-02-24T16:00+07:00");
		assertThat(dueAt(code)).isEqualTo(due);
		Job overdue = timerJob(code, DossierLifecycle.TIMER_SLA_OVERDUE);
		assertThat(overdue.isSuspended()).isFalse();
		assertThat(overdue.getDuedate().toInstant()).isEqualTo(due);
		// The warning comes 20 % of the budget (4h30) before: Tuesday 09:30.
		assertThat(timerDue(code, DossierLifecycle.TIMER_SLA_WARNING)).isEqualTo(at("2026-02-24T09:30+07:00"));

		Api.Reply deadline = as("clerk").get("/api/v1/dossiers/" + code + "/deadline");
		assertThat(deadline.status()).isEqualTo(200);
		List<String> explanation = deadline.body().path("entries").findValuesAsText("explanation");
		assertThat(explanation).hasSize(3);
		assertThat(explanation.get(0)).contains("Received 12/02/2026 08:00", "3 working days", "due 24/02/2026 08:00");
		assertThat(explanation.get(1)).contains("Paused 13/02/2026 09:00", "1 working day 6h30 left");
		assertThat(explanation.get(2)).contains("Supplement received 18/02/2026 10:00",
				"continues from 23/02/2026 07:30", "due 24/02/2026 16:00");

		// The timers fire at those instants: the warning, then the overdue alarm.
		this.clock.set(at("2026-02-24T09:31+07:00"));
		this.managementService.executeJob(timerJob(code, DossierLifecycle.TIMER_SLA_WARNING).getId());
		this.clock.set(at("2026-02-24T16:01+07:00"));
		this.managementService.executeJob(overdue.getId());
		Api.Reply dossier = as("supervisor").get("/api/v1/dossiers/" + code);
		assertThat(dossier.text("overdueAt")).isNotNull();
		assertThat(
				as("clerk").get("/api/v1/dossiers?overdue=true&size=200").body().path("items").findValuesAsText("code"))
			.contains(code);
		awaitReactions(code);
		Api.Reply inbox = as("supervisor").get("/api/v1/inbox?size=200");
		assertThat(inbox.body().path("items").findValuesAsText("dossierCode")).contains(code);
		assertThat(as("clerk").get("/api/v1/dossiers/" + code + "/events").body().findValuesAsText("type"))
			.contains("DEADLINE_WARNING", "OVERDUE");
	}

	@Test
	void extensionMovesTheAppointmentButTheDossierCountsAsLate() {
		this.clock.set(at("2026-03-02T07:30+07:00"));
		String code = receiveDossier("clerk");
		assertThat(dueAt(code)).isEqualTo(at("2026-03-04T17:00+07:00"));
		// A second dossier waits for a supplement: its clock stays stopped
		String paused = receiveDossier("clerk");
		assertThat(as("specialist")
			.post("/api/v1/dossiers/" + paused + "/supplement-requests",
					Map.of("reason", "Thiếu hợp đồng thuê nhà", "deadline", "2026-03-27T10:00:00Z"))
			.status()).isEqualTo(200);

		Api.Reply refused = as("clerk").post("/api/v1/dossiers/" + code + "/extensions",
				Map.of("appointment", "2026-03-06T10:00:00Z", "reason", "x"));
		assertThat(refused.status()).isEqualTo(403);
		Api.Reply tooEarly = as("specialist").post("/api/v1/dossiers/" + code + "/extensions",
				Map.of("appointment", "2026-03-03T10:00:00Z", "reason", "x"));
		assertThat(tooEarly.status()).isEqualTo(422);
		// Friday 12:00 is the lunch break: refused, naming 11:30 and 13:30
		Api.Reply lunch = as("specialist").post("/api/v1/dossiers/" + code + "/extensions",
				Map.of("appointment", "2026-03-06T05:00:00Z", "reason", "x"));
		assertThat(lunch.status()).isEqualTo(422);
		assertThat(lunch.body().toString()).contains("appointment", "06/03/2026 11:30", "06/03/2026 13:30");
		// Saturday: refused, naming Friday's close and Monday's opening
		Api.Reply saturday = as("specialist").post("/api/v1/dossiers/" + code + "/extensions",
				Map.of("appointment", "2026-03-07T02:00:00Z", "reason", "x"));
		assertThat(saturday.status()).isEqualTo(422);
		assertThat(saturday.body().toString()).contains("06/03/2026 17:00", "09/03/2026 07:30");
		Api.Reply extended = as("specialist").post("/api/v1/dossiers/" + code + "/extensions",
				Map.of("appointment", "2026-03-06T10:00:00Z", "reason", "Chờ ý kiến phòng chuyên môn"));
		assertThat(extended.status()).as(extended.body().toString()).isEqualTo(201);
		// The same extension again is refused: one apology letter
		Api.Reply twice = as("specialist").post("/api/v1/dossiers/" + code + "/extensions",
				Map.of("appointment", "2026-03-06T10:00:00Z", "reason", "Chờ ý kiến phòng chuyên môn"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(dueAt(code)).isEqualTo(Instant.parse("2026-03-06T10:00:00Z"));
		assertThat(extended.body().path("legalDueAt").asText()).isEqualTo("2026-03-04T10:00:00Z");
		assertThat(timerDue(code, DossierLifecycle.TIMER_SLA_OVERDUE)).isEqualTo(Instant.parse("2026-03-06T10:00:00Z"));
		// The apology letter (Form 04) follows once the extension has committed
		awaitReactions(code);
		assertThat(as("clerk").get("/api/v1/dossiers/" + code + "/documents").body().findValuesAsText("kind"))
			.containsOnlyOnce("APOLOGY");

		this.clock.set(at("2026-03-03T09:00+07:00"));
		complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER), "PROPOSE_APPROVAL");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(code, "RESULT_READY");
		assertThat(as("clerk").get("/api/v1/dossiers/" + code).text("verdict")).isEqualTo("LATE");
		Api.Reply steps = as("clerk").get("/api/v1/dossiers/" + code + "/steps");
		JsonNode review = steps.body().get(0);
		assertThat(review.path("dueAt").isNull()).isFalse();
		// The review had 60 % of the budget (1.8 days, due Tuesday 15:30) and was done
		// Tuesday 09:00.
		assertThat(review.path("dueAt").asText()).isEqualTo("2026-03-03T08:30:00Z");
		// The engine's task carries the same due date (Cockpit, Tasklist)
		assertThat(this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(DossierLifecycle.TASK_REVIEW_DOSSIER)
			.singleResult()
			.getDueDate()
			.toInstant()).isEqualTo(Instant.parse("2026-03-03T08:30:00Z"));
		assertThat(review.path("verdict").asText()).isEqualTo("ON_TIME");
		assertThat(review.path("completedBy").asText()).isEqualTo("specialist");

		Api.Reply afterCompletion = as("specialist").post("/api/v1/dossiers/" + code + "/extensions",
				Map.of("appointment", "2026-03-20T10:00:00Z", "reason", "x"));
		assertThat(afterCompletion.status()).isEqualTo(409);
	}

	@Test
	void receiptAfterTheProcedureCutOffCountsFromTheNextWorkingDay() {
		// Copy certification: by the end of the working day, of the next one when
		// received from 15:00 on (was modelled as half a day: 04/03 11:15)
		this.clock.set(at("2026-03-03T15:30+07:00"));
		Api.Reply received = as("clerk").post("/api/v1/dossiers", application("CTBS-01"));
		assertThat(received.status()).isEqualTo(201);
		assertThat(Instant.parse(received.text("dueAt"))).isEqualTo(at("2026-03-04T17:00+07:00"));
		this.clock.set(at("2026-03-03T10:00+07:00"));
		Api.Reply morning = as("clerk").post("/api/v1/dossiers", application("CTBS-01"));
		assertThat(Instant.parse(morning.text("dueAt"))).isEqualTo(at("2026-03-03T17:00+07:00"));
		Api.Reply deadline = as("clerk").get("/api/v1/dossiers/" + received.text("code") + "/deadline");
		assertThat(deadline.body().path("entries").get(0).path("explanation").asText())
			.contains("counted from 04/03/2026 07:30 (next working session)");
	}

	@Test
	void receiptAfterTheProvinceCutOffCountsFromTheNextWorkingDay() {
		// Household business registration declares no cut-off: the regulations' 15:00
		// (motcua.sla.cut-off) applies. Three days from Wednesday morning.
		this.clock.set(at("2026-03-03T15:30+07:00"));
		String code = receiveDossier("clerk");
		assertThat(dueAt(code)).isEqualTo(at("2026-03-06T17:00+07:00"));
		// Its first step does not start before the dossier's clock either: 60 % of
		// three days from Wednesday 07:30
		assertThat(stepDue(code, DossierLifecycle.TASK_REVIEW_DOSSIER)).isEqualTo(at("2026-03-05T15:30+07:00"));
	}

	@Test
	void dossierFinishedBeforeItsDueDateIsEarly() {
		this.clock.set(at("2026-03-02T07:30+07:00"));
		String code = receiveDossier("clerk");
		this.clock.set(at("2026-03-03T10:00+07:00"));
		complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER), "PROPOSE_APPROVAL");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(code, "RESULT_READY");
		assertThat(as("clerk").get("/api/v1/dossiers/" + code).text("verdict")).isEqualTo("EARLY");
	}

	@Test
	void calendarChangeReprojectsOpenDossiersAndSaysSo() {
		this.clock.set(at("2026-03-02T07:30+07:00"));
		String code = receiveDossier("clerk");
		assertThat(dueAt(code)).isEqualTo(at("2026-03-04T17:00+07:00"));
		// The review has 60 % of three days: 13h30 of working time
		assertThat(stepDue(code, DossierLifecycle.TASK_REVIEW_DOSSIER)).isEqualTo(at("2026-03-03T15:30+07:00"));
		// The review has 60 % of three days: 13h30 of working time
		assertThat(stepDue(code, DossierLifecycle.TASK_REVIEW_DOSSIER)).isEqualTo(at("2026-03-03T15:30+07:00"));
		// A second dossier waits for a supplement: its clock stays stopped
		String paused = receiveDossier("clerk");
		assertThat(as("specialist")
			.post("/api/v1/dossiers/" + paused + "/supplement-requests",
					Map.of("reason", "Thiếu hợp đồng thuê nhà", "deadline", "2026-03-27T10:00:00Z"))
			.status()).isEqualTo(200);

		Api.Reply calendar = as("clerk").get("/api/v1/calendars/2026");
		assertThat(calendar.status()).isEqualTo(200);
		this.originalCalendar = calendar.body().deepCopy();
		ObjectNode changed = calendar.body().deepCopy();
		((ArrayNode) changed.path("daysOff")).addObject().put("date", "2026-03-03").put("name", "Nghỉ đột xuất");
		assertThat(as("clerk").put("/api/v1/calendars/2026", changed).status()).isEqualTo(403);
		Api.Reply put = as("admin").put("/api/v1/calendars/2026", changed);
		assertThat(put.status()).as(put.body().toString()).isEqualTo(200);

		assertThat(dueAt(code)).isEqualTo(at("2026-03-05T17:00+07:00"));
		// The open step moves with its dossier, in our record and the engine's task
		assertThat(stepDue(code, DossierLifecycle.TASK_REVIEW_DOSSIER)).isEqualTo(at("2026-03-04T15:30+07:00"));
		assertThat(this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(code)
			.taskDefinitionKey(DossierLifecycle.TASK_REVIEW_DOSSIER)
			.singleResult()
			.getDueDate()
			.toInstant()).isEqualTo(at("2026-03-04T15:30+07:00"));
		assertThat(timerDue(code, DossierLifecycle.TIMER_SLA_OVERDUE)).isEqualTo(at("2026-03-05T17:00+07:00"));
		// The warning keeps its lead (20 % of three days: 4h30) before the new due date
		assertThat(timerDue(code, DossierLifecycle.TIMER_SLA_WARNING)).isEqualTo(at("2026-03-05T10:30+07:00"));
		// Timers created later (re-entering the processing) read the variable
		assertThat(this.runtimeService.getVariable(processInstanceOf(code), DossierLifecycle.VAR_SLA_DUE_AT))
			.isEqualTo(at("2026-03-05T17:00+07:00").toString());
		assertThat(dueAt(paused)).isNull();
		assertThat(timerJob(paused, DossierLifecycle.TIMER_SLA_OVERDUE).isSuspended()).isTrue();
		assertThat(as("clerk").get("/api/v1/dossiers/" + paused + "/deadline").body().path("paused").asBoolean())
			.isTrue();
		Api.Reply deadline = as("clerk").get("/api/v1/dossiers/" + code + "/deadline");
		assertThat(deadline.body().path("entries").findValuesAsText("type")).containsExactly("RECEIVED",
				"CALENDAR_CHANGED");
		assertThat(deadline.body().path("entries").get(1).path("explanation").asText())
			.contains("Working calendar changed", "due 05/03/2026 17:00");

		// The moved timer fires at its new instant
		this.clock.set(at("2026-03-05T17:01+07:00"));
		this.managementService.executeJob(timerJob(code, DossierLifecycle.TIMER_SLA_OVERDUE).getId());
		assertThat(as("supervisor").get("/api/v1/dossiers/" + code).text("overdueAt")).isNotNull();
	}

	@Test
	void invalidCalendarIsRefusedNamingEachField() {
		Api.Reply calendar = as("admin").get("/api/v1/calendars/2026");
		ObjectNode broken = calendar.body().deepCopy();
		broken.putArray("workingWeek");
		((ArrayNode) broken.path("daysOff")).addObject().put("date", "2025-12-31").put("name", "wrong year");
		Api.Reply reply = as("admin").put("/api/v1/calendars/2026", broken);
		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.body().path("errors").findValuesAsText("field")).contains("workingWeek",
				"daysOff[" + (broken.path("daysOff").size() - 1) + "].date");
		ObjectNode badSession = calendar.body().deepCopy();
		badSession.set("sessions", this.objectMapper.createArrayNode()
			.add(this.objectMapper.createObjectNode().put("start", "17:00").put("end", "07:30")));
		// A session that ends before it starts is an invalid field, not a malformed
		// request (was 400)
		Api.Reply reversed = as("admin").put("/api/v1/calendars/2026", badSession);
		assertThat(reversed.status()).isEqualTo(422);
		assertThat(reversed.body().path("errors").findValuesAsText("field")).containsExactly("sessions[0]");
		assertThat(reversed.body().toString()).contains("17:00–07:30");
		ObjectNode unknownZone = calendar.body().deepCopy();
		unknownZone.put("zone", "Asia/Hanoi_Moon");
		Api.Reply zone = as("admin").put("/api/v1/calendars/2026", unknownZone);
		assertThat(zone.status()).isEqualTo(422);
		assertThat(zone.body().path("errors").findValuesAsText("field")).containsExactly("zone");
		// 2027 counts in Asia/Ho_Chi_Minh: moving 2026 alone to another zone would be
		// ignored, so it is refused with the reason
		ObjectNode otherZone = calendar.body().deepCopy();
		otherZone.put("zone", "Asia/Bangkok");
		Api.Reply moved = as("admin").put("/api/v1/calendars/2026", otherZone);
		assertThat(moved.status()).isEqualTo(422);
		assertThat(moved.body().path("errors").findValuesAsText("field")).containsExactly("zone");
		assertThat(moved.body().toString()).contains("Asia/Ho_Chi_Minh", "2027");
		assertThat(as("admin").get("/api/v1/calendars/2026").text("zone")).isEqualTo("Asia/Ho_Chi_Minh");
		assertThat(as("admin").put("/api/v1/calendars/2027", calendar.body()).status()).isEqualTo(422);
		assertThat(as("admin").get("/api/v1/calendars/1999").status()).isEqualTo(404);
		assertThat(as("clerk").get("/api/v1/calendars").body().toString()).contains("2026", "2027");
	}

	private Instant dueAt(String code) {
		String due = as("clerk").get("/api/v1/dossiers/" + code).text("dueAt");
		return (due != null) ? Instant.parse(due) : null;
	}

	private Instant stepDue(String code, String taskKey) {
		for (JsonNode step : as("clerk").get("/api/v1/dossiers/" + code + "/steps").body()) {
			if (step.path("taskKey").asText().equals(taskKey) && step.path("completedAt").isNull()) {
				return step.path("dueAt").isNull() ? null : Instant.parse(step.path("dueAt").asText());
			}
		}
		throw new AssertionError("No open step " + taskKey + " of " + code);
	}

	private String processInstanceOf(String code) {
		return this.jdbc.queryForObject("select process_instance_id from dossier where code = ?", String.class, code);
	}

	private Job timerJob(String code, String timerId) {
		String processInstanceId = processInstanceOf(code);
		return this.managementService.createJobQuery()
			.processInstanceId(processInstanceId)
			.activityId(timerId)
			.singleResult();
	}

	private Instant timerDue(String code, String timerId) {
		return timerJob(code, timerId).getDuedate().toInstant();
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
