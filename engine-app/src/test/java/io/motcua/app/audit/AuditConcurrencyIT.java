package io.motcua.app.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads against PostgreSQL: intakes, documents read and failed logins at once, on
 * many dossiers and on the same ones, with staff changes beside them. Every chain comes
 * out gapless and valid, and holds exactly what was committed: a dossier's chain one
 * entry per timeline row, the security chains one per change and failed login.
 */
class AuditConcurrencyIT extends ApplicationIT {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final int DOSSIERS = 6;

	private static final int READS_PER_DOSSIER = 6;

	private static final int FAILED_LOGINS = 12;

	private static final int STAFF_ADDED = 4;

	@Test
	void parallelCommandsOnManyDossiersAndTheSecurityChainsLeaveGaplessValidChains() throws Exception {
		List<String> codes = runTogether(DOSSIERS, Collections.nCopies(DOSSIERS, () -> retryingWhenBusy(() -> {
			Api.Reply reply = as("clerk").post("/api/v1/dossiers", application(PROCEDURE));
			return (reply.status() == 201) ? reply.text("code") : null;
		})));
		assertThat(codes).doesNotContainNull().doesNotHaveDuplicates();
		codes.forEach(this::awaitReactions);

		List<Callable<String>> work = new ArrayList<>();
		for (String code : codes) {
			for (int i = 0; i < READS_PER_DOSSIER; i++) {
				work.add(() -> String.valueOf(retryingWhenBusy(() -> {
					int status = download("/api/v1/dossiers/" + code + "/receipt");
					return (status == 200) ? "read" : null;
				})));
			}
		}
		for (int i = 0; i < FAILED_LOGINS; i++) {
			// One guess per name: a second one on the same account would be
			// slowed (429) by the login throttle before any password is checked
			String name = "guess-" + i;
			work.add(() -> "login "
					+ Api.as(this.port, name, "wrong-" + Math.random()).get("/api/v1/procedures").status());
		}
		for (int i = 0; i < STAFF_ADDED; i++) {
			String username = "parallel-clerk-" + i;
			work.add(() -> "staff " + as("admin")
				.post("/api/v1/staff",
						Map.of("username", username, "fullName", "Nhân viên " + username, "unitCode", "TRANBIEN",
								"roles", List.of("CLERK"), "password", "mat-khau-2026"))
				.status());
		}
		Collections.shuffle(work);
		List<String> outcomes = runTogether(8, work);
		assertThat(outcomes).filteredOn("read"::equals).hasSize(DOSSIERS * READS_PER_DOSSIER);
		assertThat(outcomes).filteredOn("login 401"::equals).hasSize(FAILED_LOGINS);
		assertThat(outcomes).filteredOn("staff 201"::equals).hasSize(STAFF_ADDED);

		// Each chain: positions 1..n without a gap, one entry per fact committed
		for (Map<String, Object> chain : this.jdbc
			.queryForList("select chain, count(*) as entries, min(position) as first, max(position) as last"
					+ " from audit_entry group by chain")) {
			assertThat(((Number) chain.get("first")).longValue()).as(chain.toString()).isEqualTo(1);
			assertThat(((Number) chain.get("last")).longValue()).as(chain.toString())
				.isEqualTo(((Number) chain.get("entries")).longValue());
		}
		for (String code : codes) {
			long timeline = this.jdbc.queryForObject(
					"select count(*) from dossier_event e join dossier d on d.id = e.dossier_id where d.code = ?",
					Long.class, code);
			assertThat(chainLength("dossier/" + code)).isEqualTo(timeline).isGreaterThan(READS_PER_DOSSIER);
		}
		assertThat(chainLength("sign-in")).isEqualTo(FAILED_LOGINS);
		assertThat(chainLength("staff")).isEqualTo(STAFF_ADDED);

		Api.Reply report = as("admin").get("/api/v1/admin/audit/verification");
		assertThat(report.status()).isEqualTo(200);
		assertThat(report.body().path("intact").asBoolean()).as(report.body().toString()).isTrue();
		assertThat(report.body().path("chains").asLong()).isEqualTo(DOSSIERS + 2);
	}

	private long chainLength(String chain) {
		return this.jdbc.queryForObject("select count(*) from audit_entry where chain = ?", Long.class, chain);
	}

	private int download(String path) throws Exception {
		HttpResponse<byte[]> response = HTTP
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString("clerk:demo".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		return response.statusCode();
	}

	/**
	 * Calls again while the server answers busy (a null result: 503 on a loaded machine),
	 * as a well-behaved client does after its Retry-After.
	 */
	private static <T> T retryingWhenBusy(Callable<T> call) throws Exception {
		for (int attempt = 1;; attempt++) {
			T result = call.call();
			if (result != null || attempt == 10) {
				return result;
			}
			Thread.sleep(2000);
		}
	}

	private static <T> List<T> runTogether(int threads, List<Callable<T>> calls) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Callable<T> call : calls) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(300, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
