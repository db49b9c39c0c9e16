package io.motcua.app.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.ApplicationIT;
import io.motcua.app.NodeProcess;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with {@code kill -9} while it holds seal and verification jobs leaves
 * them to another node within a minute and a half: the jobs' locks run out after
 * {@code camunda.bpm.job-execution.lock-time-in-millis} (30 s), and an idle node looks
 * for jobs at least every {@code max-wait} (5 s). The application under test runs no jobs
 * here; two other processes on its database do, one after the other. The second starts
 * right after the kill, so its start-up counts against the figure (a node already running
 * would do better).
 */
@TestPropertySource(properties = "camunda.bpm.job-execution.enabled=false")
class JobTakeoverIT extends ApplicationIT {

	private static final int DOSSIERS = 12;

	@Autowired
	private Environment environment;

	@Test
	void sealJobsOfAKilledNodeFinishOnAnotherWithinNinetySeconds() throws Exception {
		List<String> codes = signed();
		assertThat(sealJobs()).as("every signed dossier waits for its seal").isGreaterThanOrEqualTo(DOSSIERS);

		Process first = NodeProcess.start("takeover-first", this.environment);
		long lockedAtKill;
		try {
			Awaitility.await()
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> !first.isAlive() || lockedJobs() > 0);
			assertThat(first.isAlive()).as("the first node runs (see target/takeover-first.log)").isTrue();
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		finally {
			first.destroyForcibly();
		}
		long killedAt = System.nanoTime();
		lockedAtKill = lockedJobs();
		int readyAtKill = ready(codes);
		assertThat(lockedAtKill).as("killed while holding jobs").isPositive();

		Process second = NodeProcess.start("takeover-second", this.environment);
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> ready(codes) == DOSSIERS);
		}
		finally {
			second.destroy();
			second.waitFor(30, TimeUnit.SECONDS);
			second.destroyForcibly();
		}
		double seconds = (System.nanoTime() - killedAt) / 1e9;
		assertThat(codes).allSatisfy((code) -> assertThat(status("clerk", code)).isEqualTo("RESULT_READY"));
		assertThat(lockedJobs()).isZero();
		System.out.printf(
				"job takeover: %d of %d results ready at kill -9, %d jobs locked by the dead node;"
						+ " all ready %.1f s after the kill (the second node's start included)%n",
				readyAtKill, DOSSIERS, lockedAtKill, seconds);
	}

	@Test
	void aNodeStoppedGracefullyLeavesNoJobLocked() throws Exception {
		List<String> codes = signed();
		Process node = NodeProcess.start("takeover-graceful", this.environment);
		try {
			Awaitility.await()
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> !node.isAlive() || lockedJobs() > 0);
			assertThat(node.isAlive()).as("the node runs (see target/takeover-graceful.log)").isTrue();
			// SIGTERM, as systemd stops a service
			node.destroy();
			assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			node.destroyForcibly();
		}
		long stoppedAt = System.nanoTime();
		assertThat(lockedJobs()).as("every job the node had taken is done or free again").isZero();
		int readyAtStop = ready(codes);

		Process next = NodeProcess.start("takeover-after-graceful", this.environment);
		try {
			Awaitility.await()
				.atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofMillis(250))
				.until(() -> ready(codes) == DOSSIERS);
		}
		finally {
			next.destroy();
			next.waitFor(30, TimeUnit.SECONDS);
			next.destroyForcibly();
		}
		System.out.printf(
				"job takeover: %d of %d results ready at SIGTERM, none left locked;"
						+ " all ready %.1f s after the stop (the next node's start included)%n",
				readyAtStop, DOSSIERS, (System.nanoTime() - stoppedAt) / 1e9);
	}

	/** Dossiers signed by the approver, each waiting for its seal job. */
	private List<String> signed() {
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < DOSSIERS; i++) {
			String code = receiveDossier("clerk");
			assertThat(complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
					"PROPOSE_APPROVAL")
				.status()).isEqualTo(204);
			assertThat(
					complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE")
						.status())
				.isEqualTo(204);
			assertThat(complete("approver", openTask("approver", code, DossierLifecycle.TASK_SIGN_RESULT), "SIGN")
				.status()).isEqualTo(204);
			codes.add(code);
		}
		return codes;
	}

	private int sealJobs() {
		return this.jdbc.queryForObject("select count(*) from ACT_RU_JOB where PRIORITY_ >= 100", Integer.class);
	}

	private long lockedJobs() {
		return this.jdbc.queryForObject("select count(*) from ACT_RU_JOB where LOCK_OWNER_ is not null", Long.class);
	}

	private int ready(List<String> codes) {
		return this.jdbc.queryForObject(
				"select count(*) from dossier where status = 'RESULT_READY' and code in ("
						+ String.join(",", codes.stream().map((code) -> "'" + code + "'").toList()) + ")",
				Integer.class);
	}

}
