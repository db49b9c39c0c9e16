package io.motcua.app.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The audit trail of the whole application on PostgreSQL: every kind of fact is chained
 * through the real commands (a dossier's timeline, its signatures, a document read, a
 * staff change, a failed login), the chains verify intact, and then rows changed, deleted
 * and swapped directly in SQL are each found at their exact position, by the
 * administrators' endpoint and by the nightly check.
 */
class AuditTrailIT extends ApplicationIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Autowired
	NightlyAuditCheck nightly;

	@Autowired
	MeterRegistry meters;

	@Test
	void everyKindOfFactIsChainedAndEachTamperingIsFoundAtItsPosition() throws Exception {
		String edited = receiveDossier("clerk");
		String sourceEdited = receiveDossier("clerk");
		String deleted = receiveDossier("clerk");
		String reordered = receiveDossier("clerk");
		String signed = receiveDossier("clerk");
		walkToResultReady(signed);
		for (String code : List.of(edited, sourceEdited, deleted, reordered, signed)) {
			awaitReactions(code);
			// Reading a document (the receipt) is a timeline entry of its own
			assertThat(download("clerk", "/api/v1/dossiers/" + code + "/receipt")).isEqualTo(200);
		}
		Api.Reply added = as("admin").post("/api/v1/staff", Map.of("username", "audited-clerk", "fullName",
				"Lê Thị Thu", "unitCode", "TRANBIEN", "roles", List.of("CLERK"), "password", "mat-khau-2026"));
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		assertThat(as("admin")
			.patch("/api/v1/staff/audited-clerk", Map.of("roles", List.of("CLERK", "SPECIALIST"), "enabled", true))
			.status()).isEqualTo(200);
		assertThat(Api.as(this.port, "clerk", "not-the-password").get("/api/v1/procedures").status()).isEqualTo(401);

		// Each kind is there, each dossier's timeline whole in its chain
		assertThat(this.jdbc.queryForList("select distinct kind from audit_entry", String.class))
			.containsExactlyInAnyOrder("TIMELINE", "SIGNATURE", "STAFF_CHANGE", "SIGN_IN_FAILED");
		assertThat(this.jdbc.queryForList(
				"select actor, subject, detail from audit_entry where chain = 'staff'" + " order by position"))
			.extracting((row) -> tuple(row.get("actor"), row.get("subject"), row.get("detail")))
			.containsExactly(tuple("admin", "audited-clerk", "added to unit TRANBIEN with roles [CLERK]"), tuple(
					"admin", "audited-clerk", "roles [CLERK], enabled true → roles [CLERK, SPECIALIST], enabled true"));
		assertThat(this.jdbc.queryForObject("select detail from audit_entry where chain = 'sign-in'"
				+ " and actor = 'clerk' order by position desc fetch first 1 rows only", String.class))
			.startsWith("BadCredentialsException from ");
		for (String code : List.of(edited, signed)) {
			assertThat(entries(code, "TIMELINE")).isEqualTo(this.jdbc.queryForObject(
					"select count(*) from dossier_event e join dossier d on d.id = e.dossier_id where d.code = ?",
					Long.class, code));
		}
		assertThat(this.jdbc.queryForList("select detail from audit_entry where chain = ? and kind = 'TIMELINE'",
				String.class, "dossier/" + signed))
			.contains("RECEIVED", "STATUS_CHANGED", "RESULT_SIGNED", "DOCUMENT_DOWNLOADED");
		assertThat(entries(signed, "SIGNATURE")).isEqualTo(2);

		JsonNode intact = verification("");
		assertThat(intact.path("intact").asBoolean()).as(intact.toString()).isTrue();
		assertThat(intact.path("chains").asLong()).isEqualTo(7);
		assertThat(intact.path("entries").asLong())
			.isEqualTo(this.jdbc.queryForObject("select count(*) from audit_entry", Long.class));

		// Now behind the application's back, one kind of tampering per chain
		this.jdbc.update("update audit_entry set actor = 'someone-else' where chain = ? and position = 2",
				"dossier/" + edited);
		this.jdbc.update(
				"update dossier_event set detail = 'Hồ sơ đầy đủ, đề nghị phê duyệt' where id ="
						+ " (select source_id from audit_entry where chain = ? and position = 3)",
				"dossier/" + sourceEdited);
		this.jdbc.update("delete from audit_entry where chain = ? and position = 2", "dossier/" + deleted);
		swap("dossier/" + reordered, 2, 4);
		long approverSignature = this.jdbc.queryForObject(
				"select a.position from audit_entry a join result_signature s on s.id = a.source_id"
						+ " where a.chain = ? and a.kind = 'SIGNATURE' and s.role = 'APPROVER'",
				Long.class, "dossier/" + signed);
		this.jdbc.update("update result_signature set signed_by = 'specialist' where dossier_code = ?"
				+ " and role = 'APPROVER'", signed);
		this.jdbc.update("update audit_entry set actor = 'admin' where chain = 'sign-in' and position = 1");

		JsonNode broken = verification("");
		assertThat(broken.path("intact").asBoolean()).isFalse();
		assertThat(broken.path("broken"))
			.extracting((each) -> tuple(each.path("chain").asText(), each.path("position").asLong(),
					each.path("reason").asText()))
			.containsExactlyInAnyOrder(tuple("dossier/" + edited, 2L, "EDITED"),
					tuple("dossier/" + sourceEdited, 3L, "SOURCE_CHANGED"), tuple("dossier/" + deleted, 2L, "MISSING"),
					tuple("dossier/" + reordered, 2L, "REORDERED"),
					tuple("dossier/" + signed, approverSignature, "SOURCE_CHANGED"), tuple("sign-in", 1L, "EDITED"));
		assertThat(broken.path("broken").findValuesAsText("explanation"))
			.allSatisfy((text) -> assertThat(text).isNotBlank());

		// One chain alone, and one that does not exist
		JsonNode one = verification("?chain=dossier/" + reordered);
		assertThat(one.path("chains").asLong()).isEqualTo(1);
		assertThat(one.path("broken").findValuesAsText("reason")).containsExactly("REORDERED");
		assertThat(one.path("broken").get(0).path("explanation").asText())
			.isEqualTo("The entry here was written at position 4");
		assertThat(verification("?chain=staff").path("intact").asBoolean()).isTrue();
		assertThat(as("admin").get("/api/v1/admin/audit/verification?chain=dossier/NO-SUCH").status()).isEqualTo(404);

		// The nightly check finds the same and says so in its metric
		AuditReport nightly = this.nightly.check();
		assertThat(nightly.broken()).hasSize(6);
		assertThat(this.meters.get("motcua.audit.broken.chains").gauge().value()).isEqualTo(6);

		// Administrators only
		assertThat(as("clerk").get("/api/v1/admin/audit/verification").status()).isEqualTo(403);
		assertThat(as("supervisor").get("/api/v1/admin/audit/verification").status()).isEqualTo(403);
		assertThat(anonymous().get("/api/v1/admin/audit/verification").status()).isEqualTo(401);
	}

	private JsonNode verification(String query) {
		Api.Reply reply = as("admin").get("/api/v1/admin/audit/verification" + query);
		assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
		return reply.body();
	}

	private long entries(String code, String kind) {
		return this.jdbc.queryForObject("select count(*) from audit_entry where chain = ? and kind = ?", Long.class,
				"dossier/" + code, kind);
	}

	/** Swaps two entries' positions, as a hand in the database would. */
	private void swap(String chain, long first, long second) {
		this.jdbc.update("update audit_entry set position = -1 where chain = ? and position = ?", chain, first);
		this.jdbc.update("update audit_entry set position = ? where chain = ? and position = ?", first, chain, second);
		this.jdbc.update("update audit_entry set position = ? where chain = ? and position = -1", second, chain);
	}

	private int download(String user, String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = HTTP.send(HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		return response.statusCode();
	}

}
