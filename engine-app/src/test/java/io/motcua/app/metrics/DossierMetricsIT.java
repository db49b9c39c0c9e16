package io.motcua.app.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

import io.motcua.app.ApplicationIT;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's metrics on {@code /actuator/prometheus}, as Prometheus scrapes them: a
 * dossier walked from intake to its ready result moves each of them by exactly what it
 * did.
 */
@AutoConfigureObservability(tracing = false)
class DossierMetricsIT extends ApplicationIT {

	private static final Path PROMTOOL = Path.of("/usr/bin/promtool");

	private static final Path DASHBOARD = Path.of("../docs/grafana/motcua-dossiers.json");

	private static final List<String> STEPS = List.of(DossierLifecycle.TASK_REVIEW_DOSSIER,
			DossierLifecycle.TASK_APPROVE_DOSSIER, DossierLifecycle.TASK_SIGN_RESULT);

	@Autowired
	DossierGauges gauges;

	@Test
	void aDossierWalkedToItsResultMovesEachMeterByWhatItDid() throws Exception {
		this.gauges.refresh();
		PrometheusScrape before = scrape();

		String code = receiveDossier("clerk");
		PrometheusScrape received = scrape();
		assertThat(received.sum("motcua_dossiers_received_total", "channel", "COUNTER", "unit", "TRANBIEN"))
			.isEqualTo(before.sum("motcua_dossiers_received_total", "channel", "COUNTER", "unit", "TRANBIEN") + 1);
		assertThat(received.sum("motcua_dossiers_received_total"))
			.isEqualTo(before.sum("motcua_dossiers_received_total") + 1);
		// The gauges move when they are counted again, not when a dossier arrives
		assertThat(received.sum("motcua_dossiers_open", "unit", "TRANBIEN"))
			.isEqualTo(before.sum("motcua_dossiers_open", "unit", "TRANBIEN"));
		this.gauges.refresh();
		assertThat(scrape().sum("motcua_dossiers_open", "unit", "TRANBIEN"))
			.isEqualTo(before.sum("motcua_dossiers_open", "unit", "TRANBIEN") + 1);

		walkToResultReady(code);
		String verdict = as("clerk").get("/api/v1/dossiers/" + code).text("verdict");
		assertThat(verdict).isIn("EARLY", "ON_TIME", "LATE");
		// The seal job counts once its transaction has committed, a moment after the
		// dossier reads RESULT_READY
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.untilAsserted(() -> assertThat(
					scrape().sum("motcua_dossiers_completed_total", "verdict", verdict, "unit", "TRANBIEN"))
				.isEqualTo(before.sum("motcua_dossiers_completed_total", "verdict", verdict, "unit", "TRANBIEN") + 1));
		PrometheusScrape after = scrape();

		assertThat(after.sum("motcua_dossiers_completed_total"))
			.isEqualTo(before.sum("motcua_dossiers_completed_total") + 1);
		assertThat(after.sum("motcua_dossiers_received_total"))
			.isEqualTo(before.sum("motcua_dossiers_received_total") + 1);
		for (String step : STEPS) {
			assertThat(after.sum("motcua_steps_duration_seconds_count", "step", step)).as(step)
				.isEqualTo(before.sum("motcua_steps_duration_seconds_count", "step", step) + 1);
			assertThat(after.sum("motcua_steps_duration_seconds_bucket", "step", step, "le", "+Inf")).as(step)
				.isEqualTo(before.sum("motcua_steps_duration_seconds_bucket", "step", step, "le", "+Inf") + 1);
		}
		assertThat(after.sum("motcua_steps_duration_seconds_count"))
			.isEqualTo(before.sum("motcua_steps_duration_seconds_count") + STEPS.size());
		assertThat(after.sum("motcua_signing_duration_seconds_count", "role", "approver", "key", "server", "outcome",
				"success"))
			.isEqualTo(before.sum("motcua_signing_duration_seconds_count", "role", "approver", "key", "server",
					"outcome", "success") + 1);
		assertThat(after.sum("motcua_signing_duration_seconds_count", "role", "seal", "key", "server", "outcome",
				"success"))
			.isEqualTo(before.sum("motcua_signing_duration_seconds_count", "role", "seal", "key", "server", "outcome",
					"success") + 1);
		assertThat(after.sum("motcua_signing_duration_seconds_sum"))
			.isGreaterThan(before.sum("motcua_signing_duration_seconds_sum"));
		assertThat(after.sum("motcua_verification_duration_seconds_count", "outcome", "success"))
			.isEqualTo(before.sum("motcua_verification_duration_seconds_count", "outcome", "success") + 1);
		assertThat(after.sum("motcua_verification_duration_seconds_count", "outcome", "failure"))
			.isEqualTo(before.sum("motcua_verification_duration_seconds_count", "outcome", "failure"));

		this.gauges.refresh();
		assertThat(scrape().sum("motcua_dossiers_open", "unit", "TRANBIEN"))
			.isEqualTo(before.sum("motcua_dossiers_open", "unit", "TRANBIEN"));
	}

	@Test
	void aDossierCountsAsOverdueOnceItsDueDatePasses() throws Exception {
		// Received on a Monday morning long ago: no other dossier shares its due date
		this.clock.set(Instant.parse("2026-03-02T02:00:00Z"));
		String code = receiveDossier("clerk");
		Instant due = Instant.parse(as("clerk").get("/api/v1/dossiers/" + code).text("dueAt"));

		this.clock.set(due.minusSeconds(1));
		this.gauges.refresh();
		PrometheusScrape before = scrape();
		this.clock.set(due.plusSeconds(1));
		this.gauges.refresh();
		PrometheusScrape after = scrape();

		assertThat(after.sum("motcua_dossiers_overdue", "unit", "TRANBIEN"))
			.isEqualTo(before.sum("motcua_dossiers_overdue", "unit", "TRANBIEN") + 1);
		assertThat(after.sum("motcua_dossiers_open", "unit", "TRANBIEN"))
			.isEqualTo(before.sum("motcua_dossiers_open", "unit", "TRANBIEN"))
			.isPositive();
	}

	@Test
	void prometheusAcceptsOurFamiliesAndTheDashboardNamesOnlyMetersThatExist() throws Exception {
		String code = receiveDossier("clerk");
		complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER), "PROPOSE_APPROVAL");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(code, "RESULT_READY");
		this.gauges.refresh();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> scrape().has("motcua_dossiers_completed_total"));
		PrometheusScrape scrape = scrape();

		Set<String> named = dashboardMetricNames();
		assertThat(named).contains("motcua_dossiers_received_total", "motcua_dossiers_completed_total",
				"motcua_dossiers_open", "motcua_dossiers_overdue", "motcua_steps_duration_seconds_bucket",
				"motcua_signing_duration_seconds_sum", "motcua_verification_duration_seconds_sum",
				"motcua_outbound_backlog", "motcua_outbound_deliveries_total", "motcua_reactions_pending");
		for (String name : named) {
			assertThat(scrape.has(name)).as(name + " on /actuator/prometheus").isTrue();
		}

		String families = scrape.families("motcua_");
		assertThat(families).contains("# HELP motcua_dossiers_received_total ",
				"# TYPE motcua_steps_duration_seconds histogram");
		Assumptions.assumeTrue(Files.isExecutable(PROMTOOL),
				"promtool is not installed: apt-get install prometheus (Debian) gives /usr/bin/promtool");
		Process promtool = new ProcessBuilder(PROMTOOL.toString(), "check", "metrics").redirectErrorStream(true)
			.start();
		promtool.getOutputStream().write(families.getBytes(StandardCharsets.UTF_8));
		promtool.getOutputStream().close();
		String report = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(report).as("promtool check metrics on\n" + families).isEmpty();
		assertThat(promtool.exitValue()).isZero();
	}

	/**
	 * Every metric name an expression of the dashboard reads (a range vector's or a
	 * histogram's series names included).
	 */
	private static Set<String> dashboardMetricNames() throws IOException {
		JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
		Set<String> names = new TreeSet<>();
		Pattern metric = Pattern.compile("motcua_[a-z_]+");
		for (JsonNode expr : dashboard.findValues("expr")) {
			Matcher matcher = metric.matcher(expr.asText());
			while (matcher.find()) {
				names.add(matcher.group());
			}
		}
		return names;
	}

	private PrometheusScrape scrape() throws IOException, InterruptedException {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.header("Accept", "text/plain")
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("admin:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return PrometheusScrape.of(response.body());
	}

}
