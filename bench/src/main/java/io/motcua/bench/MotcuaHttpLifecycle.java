package io.motcua.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.motcua.processes.DossierLifecycle;

/**
 * Motcua through its REST API with HTTP Basic, as the README's curl walkthrough does it:
 * receive, then per step read the dossier's open steps from the worklist and complete the
 * one due.
 */
final class MotcuaHttpLifecycle implements Lifecycle {

	private final String database;

	private final Supplier<DataSource> dataSource;

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final ObjectMapper json = new ObjectMapper();

	private final String base;

	MotcuaHttpLifecycle(MotcuaApp app) {
		this("http://127.0.0.1:" + app.port(), MotcuaApp.DATABASE, app::dataSource);
	}

	/** Motcua running elsewhere (another process), at {@code base}. */
	MotcuaHttpLifecycle(String base, String database, Supplier<DataSource> dataSource) {
		this.base = base;
		this.database = database;
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "Motcua (REST API)";
	}

	@Override
	public String database() {
		return this.database;
	}

	@Override
	public DataSource dataSource() {
		return this.dataSource.get();
	}

	@Override
	public void runOne(long seq) throws Exception {
		String body = """
				{"procedureCode": "%s", "channel": "COUNTER",
				 "applicant": {"fullName": "Nguyễn Văn An", "identityNumber": "%012d",
				  "phone": "0912345678", "email": "an@example.vn",
				  "address": "12 Võ Thị Sáu, Phường Trấn Biên, Đồng Nai"},
				 "formData": {"business": {"name": "Cửa hàng tạp hóa Hoa Sen", "ownership": "individual",
				   "line": "Bán lẻ hàng tạp hóa", "capital": 50000000,
				   "address": "15 Cách Mạng Tháng Tám, Trấn Biên", "startDate": "2026-12-01"},
				  "commitment": true},
				 "paperOriginals": [{"documentType": "GIAY_DE_NGHI", "copies": 1},
				  {"documentType": "GIAY_TO_PHAP_LY_CA_NHAN", "copies": 1}]}"""
			.formatted(MotcuaServiceLifecycle.PROCEDURE, seq);
		String code = send("clerk", "POST", "/api/v1/dossiers", body, 201).get("code").asText();
		step("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER, "PROPOSE_APPROVAL");
		step("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER, "APPROVE");
		step("approver", code, DossierLifecycle.TASK_SIGN_RESULT, "SIGN");
		step("clerk", code, DossierLifecycle.TASK_RETURN_RESULT, "RETURN");
		MotcuaServiceLifecycle.awaitReactions(new org.springframework.jdbc.core.JdbcTemplate(dataSource()), code);
	}

	private void step(String user, String code, String taskKey, String outcome) throws Exception {
		String taskId = Await.until(taskKey + " of " + code, () -> openTask(user, code, taskKey));
		send(user, "POST", "/api/v1/tasks/" + taskId + "/complete", "{\"outcome\": \"" + outcome + "\"}", 204);
	}

	private java.util.Optional<String> openTask(String user, String code, String taskKey) {
		try {
			for (JsonNode item : send(user, "GET", "/api/v1/tasks?dossier=" + code, null, 200).get("items")) {
				if (taskKey.equals(item.get("taskKey").asText()) && item.get("completedAt").isNull()) {
					return java.util.Optional.of(item.get("id").asText());
				}
			}
			return java.util.Optional.empty();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	JsonNode send(String user, String method, String path, String body, int expected) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Accept", "application/json");
		if (body != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		HttpResponse<String> response = this.client.send(request.build(),
				HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		if (response.statusCode() != expected) {
			throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
					+ response.body().substring(0, Math.min(300, response.body().length())));
		}
		return response.body().isEmpty() ? null : this.json.readTree(response.body());
	}

	HttpClient client() {
		return this.client;
	}

	String base() {
		return this.base;
	}

}
