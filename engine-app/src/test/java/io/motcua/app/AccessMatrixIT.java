package io.motcua.app;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role and unit against each endpoint: what a caller may not do is refused with 401,
 * 403 or 404 and changes nothing. Calls that would succeed and change state are exercised
 * by the lifecycle tests; here only the refusals of state-changing calls are made.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIT extends ApplicationIT {

	private static final List<String> FIRST_UNIT = List.of("clerk", "specialist", "approver", "supervisor", "admin");

	private static final List<String> SECOND_UNIT = List.of("clerk2", "specialist2", "approver2");

	private String code;

	private String reviewTask;

	@BeforeAll
	void receiveOneDossier() {
		this.code = receiveDossier("clerk");
		this.reviewTask = openTask("specialist", this.code, DossierLifecycle.TASK_REVIEW_DOSSIER);
	}

	Stream<Arguments> reads() {
		return Stream
			.of("/api/v1/dossiers/%s", "/api/v1/dossiers/%s/events", "/api/v1/dossiers/%s/steps",
					"/api/v1/dossiers/%s/deadline")
			.flatMap((path) -> Stream.concat(FIRST_UNIT.stream().map((user) -> Arguments.of(path, user, 200)),
					SECOND_UNIT.stream().map((user) -> Arguments.of(path, user, 404))));
	}

	@ParameterizedTest(name = "GET {0} as {1} → {2}")
	@MethodSource("reads")
	void dossierReadsAreScopedToTheCallersUnits(String path, String user, int expected) {
		assertThat(as(user).get(path.formatted(this.code)).status()).isEqualTo(expected);
		assertThat(anonymous().get(path.formatted(this.code)).status()).isEqualTo(401);
	}

	Stream<Arguments> refusedWrites() {
		return Stream.of(
				// Only clerks record withdrawals and supplements.
				write("/api/v1/dossiers/%s/withdrawal", Map.of("reason", "x"), "specialist", 403),
				write("/api/v1/dossiers/%s/withdrawal", Map.of("reason", "x"), "approver", 403),
				write("/api/v1/dossiers/%s/withdrawal", Map.of("reason", "x"), "supervisor", 403),
				write("/api/v1/dossiers/%s/withdrawal", Map.of("reason", "x"), "admin", 403),
				write("/api/v1/dossiers/%s/withdrawal", Map.of("reason", "x"), "clerk2", 404),
				write("/api/v1/dossiers/%s/supplements", Map.of("note", "x"), "specialist", 403),
				write("/api/v1/dossiers/%s/supplements", Map.of("note", "x"), "clerk2", 404),
				// Only specialists ask for supplements.
				write("/api/v1/dossiers/%s/supplement-requests", Map.of("reason", "x"), "clerk", 403),
				write("/api/v1/dossiers/%s/supplement-requests", Map.of("reason", "x"), "approver", 403),
				write("/api/v1/dossiers/%s/supplement-requests", Map.of("reason", "x"), "supervisor", 403),
				write("/api/v1/dossiers/%s/supplement-requests", Map.of("reason", "x"), "specialist2", 404),
				// Specialists and approvers extend.
				write("/api/v1/dossiers/%s/extensions", Map.of("appointment", "2099-01-01T00:00:00Z", "reason", "x"),
						"clerk", 403),
				write("/api/v1/dossiers/%s/extensions", Map.of("appointment", "2099-01-01T00:00:00Z", "reason", "x"),
						"supervisor", 403),
				write("/api/v1/dossiers/%s/extensions", Map.of("appointment", "2099-01-01T00:00:00Z", "reason", "x"),
						"approver2", 404),
				// The review belongs to the specialists of the first commune.
				write("/api/v1/tasks/%2$s/complete", Map.of("outcome", "PROPOSE_APPROVAL"), "approver", 403),
				write("/api/v1/tasks/%2$s/complete", Map.of("outcome", "PROPOSE_APPROVAL"), "clerk", 403),
				write("/api/v1/tasks/%2$s/complete", Map.of("outcome", "PROPOSE_APPROVAL"), "specialist2", 404),
				write("/api/v1/tasks/%2$s/claim", "", "supervisor", 403),
				write("/api/v1/tasks/%2$s/claim", "", "specialist2", 404),
				// Only administrators add units.
				write("/api/v1/units",
						Map.of("code", "XA-MOI", "name", "Xã Mới", "type", "COMMUNE", "parentCode", "DNAI"),
						"supervisor", 403),
				write("/api/v1/units",
						Map.of("code", "XA-MOI", "name", "Xã Mới", "type", "COMMUNE", "parentCode", "DNAI"), "clerk2",
						403),
				// Only clerks receive.
				write("/api/v1/dossiers", application(PROCEDURE), "supervisor", 403),
				write("/api/v1/dossiers", application(PROCEDURE), "approver2", 403),
				// Approvers, supervisors and administrators of the unit send a dossier
				// back to signing, once its result has failed verification.
				write("/api/v1/dossiers/%s/return-to-signing", Map.of("reason", "x"), "clerk", 403),
				write("/api/v1/dossiers/%s/return-to-signing", Map.of("reason", "x"), "specialist", 403),
				write("/api/v1/dossiers/%s/return-to-signing", Map.of("reason", "x"), "approver2", 404),
				write("/api/v1/dossiers/%s/return-to-signing", Map.of("reason", "x"), "approver", 409),
				write("/api/v1/dossiers/%s/return-to-signing", Map.of("reason", "x"), "supervisor", 409),
				write("/api/v1/dossiers/%s/return-to-signing", Map.of("reason", "x"), "admin", 409),
				write("/api/v1/dossiers/%s/return-to-signing", Map.of("reason", " "), "approver", 422),
				// Only administrators run a failed job again.
				write("/api/v1/admin/incidents/no-such-job/retry", Map.of(), "supervisor", 403),
				write("/api/v1/admin/incidents/no-such-job/retry", Map.of(), "approver", 403),
				write("/api/v1/admin/incidents/no-such-job/retry", Map.of(), "clerk2", 403),
				write("/api/v1/admin/incidents/no-such-job/retry", Map.of(), "admin", 404));
	}

	@ParameterizedTest(name = "POST {0} as {2} → {3}")
	@MethodSource("refusedWrites")
	void refusedWritesChangeNothing(String path, Object body, String user, int expected) {
		int dossiers = countRows("dossier");
		int events = countRows("dossier_event");
		Api.Reply reply = as(user).post(path.formatted(this.code, this.reviewTask), body);
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(expected);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(countRows("dossier")).isEqualTo(dossiers);
		assertThat(countRows("dossier_event")).isEqualTo(events);
		assertThat(anonymous().post(path.formatted(this.code, this.reviewTask), body).status()).isEqualTo(401);
	}

	Stream<Arguments> everyone() {
		return Stream.concat(FIRST_UNIT.stream(), SECOND_UNIT.stream()).map(Arguments::of);
	}

	@ParameterizedTest(name = "catalog, worklist and inbox answer {0}")
	@MethodSource("everyone")
	void everyMemberOfStaffReadsCatalogWorklistAndInbox(String user) {
		assertThat(as(user).get("/api/v1/procedures").status()).isEqualTo(200);
		assertThat(as(user).get("/api/v1/tasks").status()).isEqualTo(200);
		assertThat(as(user).get("/api/v1/inbox").status()).isEqualTo(200);
		assertThat(as(user).get("/api/v1/calendars/2026").status()).isEqualTo(200);
		int expectedMetrics = user.equals("admin") ? 200 : 403;
		assertThat(as(user).get("/actuator/metrics").status()).isEqualTo(expectedMetrics);
		if (!user.equals("admin")) {
			assertThat(as(user).put("/api/v1/calendars/2026", Map.of("year", 2026)).status()).isEqualTo(403);
		}
	}

	@ParameterizedTest(name = "incidents answer {0}")
	@MethodSource("everyone")
	void onlyAdministratorsSeeTheIncidents(String user) {
		int expected = user.equals("admin") ? 200 : 403;
		assertThat(as(user).get("/api/v1/admin/incidents").status()).isEqualTo(expected);
		assertThat(anonymous().get("/api/v1/admin/incidents").status()).isEqualTo(401);
	}

	private static Arguments write(String path, Object body, String user, int expected) {
		return Arguments.of(path, body, user, expected);
	}

}
