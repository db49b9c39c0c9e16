package io.motcua.app.lifecycle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.motcua.app.ApiSlice;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.StepDecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The lifecycle's HTTP face: what each command reads from the request, and how refusals
 * come back (problem details with a stable type, the fields named).
 */
@WebMvcTest(LifecycleController.class)
@Import(ApiSlice.class)
@WithMockUser(roles = { "SPECIALIST", "CLERK" })
class LifecycleControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	StepCompletion completion;

	@MockitoBean
	Supplements supplements;

	@MockitoBean
	Withdrawals withdrawals;

	@MockitoBean
	SigningAgain signingAgain;

	@MockitoBean
	StaffDirectory directory;

	@Test
	void completingAStepPassesTheDecisionAndAnswersNoContent() {
		MvcTestResult result = postJson("""
				{"outcome": "PROPOSE_APPROVAL", "comment": "Hồ sơ hợp lệ", "formData": {"findings": "đủ"}}""",
				"/api/v1/tasks/{id}/complete", "task-1");
		assertThat(result).hasStatus(204);
		verify(this.completion).complete("task-1", new StepDecision("PROPOSE_APPROVAL", "Hồ sơ hợp lệ",
				JsonNodeFactory.instance.objectNode().put("findings", "đủ")));
	}

	@Test
	void aDecisionWithoutOutcomeIsRefusedNamingTheFieldAndNothingRuns() {
		MvcTestResult result = postJson("{\"outcome\": \"\", \"comment\": \"x\"}", "/api/v1/tasks/{id}/complete",
				"task-1");
		assertThat(result).hasStatus(422)
			.bodyJson()
			.hasPathSatisfying("$.type",
					(type) -> assertThat(type).asString().isEqualTo("urn:motcua:problem:validation-failed"))
			.hasPathSatisfying("$.errors[0].field", (field) -> assertThat(field).asString().isEqualTo("outcome"));
		verifyNoInteractions(this.completion);
	}

	@Test
	void aStepSomeoneElseHoldsAnswersConflictAsAProblem() {
		willThrow(ProblemException.conflict("Task task-2 is held by specialist2")).given(this.completion)
			.complete(anyString(), any());
		MvcTestResult result = postJson("{\"outcome\": \"APPROVE\"}", "/api/v1/tasks/{id}/complete", "task-2");
		assertThat(result).hasStatus(409)
			.bodyJson()
			.hasPathSatisfying("$.type", (type) -> assertThat(type).asString().isEqualTo("urn:motcua:problem:conflict"))
			.hasPathSatisfying("$.detail", (detail) -> assertThat(detail).asString().contains("held by specialist2"));
	}

	@Test
	void aSupplementDeadlineThatIsNoInstantIsRefusedNamingIt() {
		MvcTestResult result = postJson("{\"reason\": \"Thiếu hợp đồng\", \"deadline\": \"next week\"}",
				"/api/v1/dossiers/{code}/supplement-requests", "TRANBIEN-20261207-0001");
		assertThat(result).hasStatus(400)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", (field) -> assertThat(field).asString().isEqualTo("deadline"));
		verify(this.supplements, never()).request(anyString(), anyString(), any());
	}

	@Test
	void aWithdrawalWithoutReasonIsRefused() {
		MvcTestResult result = postJson("{}", "/api/v1/dossiers/{code}/withdrawal", "TRANBIEN-20261207-0001");
		assertThat(result).hasStatus(422);
		verifyNoInteractions(this.withdrawals);
	}

	@Test
	void sendingBackToSigningNeedsAReasonAndPassesIt() {
		MvcTestResult refused = postJson("{\"reason\": \"\"}", "/api/v1/dossiers/{code}/return-to-signing",
				"TRANBIEN-20261207-0001");
		assertThat(refused).hasStatus(422)
			.bodyJson()
			.hasPathSatisfying("$.errors[0].field", (field) -> assertThat(field).asString().isEqualTo("reason"));
		verifyNoInteractions(this.signingAgain);
		assertThat(postJson("{\"reason\": \"Chứng thư chưa được tin cậy\"}",
				"/api/v1/dossiers/{code}/return-to-signing", "TRANBIEN-20261207-0001"))
			.hasStatus(200);
		verify(this.signingAgain).returnToSigning("TRANBIEN-20261207-0001", "Chứng thư chưa được tin cậy");
	}

	private MvcTestResult postJson(String body, String uri, Object... variables) {
		return this.mvc.post()
			.uri(uri, variables)
			.with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)
			.exchange();
	}

	@Test
	void anUnknownPathAnswersNotFoundAsAProblem() {
		MvcTestResult result = this.mvc.get().uri("/api/v1/tasks/task-1/nowhere").exchange();
		assertThat(result).hasStatus(404)
			.bodyJson()
			.hasPathSatisfying("$.type",
					(type) -> assertThat(type).asString().isEqualTo("urn:motcua:problem:not-found"));
	}

}
