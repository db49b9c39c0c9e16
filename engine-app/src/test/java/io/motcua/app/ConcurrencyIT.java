package io.motcua.app;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real threads against PostgreSQL through the HTTP API.
 */
class ConcurrencyIT extends ApplicationIT {

	@Autowired
	HikariDataSource dataSource;

	@Test
	void twoHundredParallelIntakesInOneUnitGetDistinctConsecutiveCodes() throws Exception {
		int intakes = 200;
		// An overloaded server answers 503 with Retry-After, as a busy machine may make
		// it;
		// the clerk's client tries again then, and every intake must end received
		List<Api.Reply> replies = runTogether(intakes,
				() -> retryingWhenBusy(() -> as("clerk").post("/api/v1/dossiers", application(PROCEDURE))));
		assertThat(replies)
			.allSatisfy((reply) -> assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201));
		Set<String> codes = new HashSet<>();
		Set<String> days = new HashSet<>();
		List<Integer> sequence = new ArrayList<>();
		for (Api.Reply reply : replies) {
			String code = reply.text("code");
			codes.add(code);
			days.add(code.substring(0, code.lastIndexOf('-')));
			sequence.add(Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)));
		}
		assertThat(codes).hasSize(intakes);
		if (days.size() == 1) {
			// All on one day (no midnight in between): the numbers leave no gap.
			int min = sequence.stream().mapToInt(Integer::intValue).min().orElseThrow();
			int max = sequence.stream().mapToInt(Integer::intValue).max().orElseThrow();
			assertThat(max - min + 1).isEqualTo(intakes);
		}
		Integer stored = this.jdbc.queryForObject(
				"select count(distinct code) from dossier where code in ("
						+ String.join(",", codes.stream().map((code) -> "'" + code + "'").toList()) + ")",
				Integer.class);
		assertThat(stored).isEqualTo(intakes);
	}

	@Test
	void aServerWithNoConnectionFreeAnswers503WithRetryAfterAndStoresNothing() throws Exception {
		int before = countRows("dossier");
		List<Connection> held = new ArrayList<>();
		try {
			// Every connection of the pool is taken, as under an overload
			while (held.size() < this.dataSource.getMaximumPoolSize()) {
				held.add(this.dataSource.getConnection());
			}
			long started = System.nanoTime();
			Api.Reply reply = as("clerk").post("/api/v1/dossiers", application(PROCEDURE));
			long waited = (System.nanoTime() - started) / 1_000_000;
			assertThat(reply.status()).as(reply.body().toString()).isEqualTo(503);
			assertThat(reply.body().path("type").asText()).isEqualTo("urn:motcua:problem:service-unavailable");
			assertThat(reply.retryAfter()).isEqualTo("2");
			// The pool's connection timeout, not HikariCP's default 30 s
			assertThat(waited).isLessThan(Duration.ofSeconds(20).toMillis());
		}
		finally {
			for (Connection connection : held) {
				connection.close();
			}
		}
		assertThat(countRows("dossier")).isEqualTo(before);
	}

	@Test
	void twoUsersCompletingTheSameTaskGetOneSuccessAndOneConflict() throws Exception {
		String second = StaffFixtures.addStaff(this.jdbc, "specialist-c", "TRANBIEN", "SPECIALIST");
		for (int round = 0; round < 5; round++) {
			String code = receiveDossier("clerk");
			String review = openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER);
			String[] users = { "specialist", second };
			AtomicInteger next = new AtomicInteger();
			List<Api.Reply> replies = runTogether(2,
					() -> complete(users[next.getAndIncrement()], review, "PROPOSE_APPROVAL"));
			List<Integer> statuses = replies.stream().map(Api.Reply::status).sorted().toList();
			assertThat(statuses).as(replies.toString()).containsExactly(204, 409);
			Integer approvals = this.jdbc.queryForObject(
					"select count(*) from dossier_task where dossier_code = ? and task_key = ?", Integer.class, code,
					DossierLifecycle.TASK_APPROVE_DOSSIER);
			assertThat(approvals).isEqualTo(1);
		}
	}

	/** Calls again after the Retry-After of a 503, as a well-behaved client does. */
	private static Api.Reply retryingWhenBusy(Callable<Api.Reply> call) throws Exception {
		for (int attempt = 1;; attempt++) {
			Api.Reply reply = call.call();
			if (reply.status() != 503 || attempt == 10) {
				return reply;
			}
			assertThat(reply.body().path("type").asText()).isEqualTo("urn:motcua:problem:service-unavailable");
			Thread.sleep(1000L * Integer.parseInt(reply.retryAfter()));
		}
	}

	private static List<Api.Reply> runTogether(int count, Callable<Api.Reply> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Api.Reply>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				futures.add(pool.submit(() -> {
					start.await();
					return call.call();
				}));
			}
			start.countDown();
			List<Api.Reply> replies = new ArrayList<>();
			for (Future<Api.Reply> future : futures) {
				replies.add(future.get(120, TimeUnit.SECONDS));
			}
			return replies;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
