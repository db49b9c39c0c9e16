package io.motcua.app.outbound;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.NodeProcess;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with {@code kill -9} while it delivers events loses none and reorders
 * none: the outbox holds 1,000 events of 200 dossiers; a second application process
 * delivers them to a subscriber, is killed part-way, and a third takes over once the dead
 * node's claims run out. The subscriber (dropping ids it has seen, as receivers must)
 * gets every event, in order per dossier. The application under test only fills the
 * outbox: its own dispatcher never runs here ({@code poll-interval} of an hour).
 * {@code -Dmotcua.crash.dossiers=} changes the size (5 events each).
 */
@TestPropertySource(properties = "motcua.outbound.poll-interval=PT1H")
class OutboxCrashIT extends ApplicationIT {

	private static final int DOSSIERS = Integer.getInteger("motcua.crash.dossiers", 200);

	private static WebhookReceiver receiver;

	@Autowired
	private Environment environment;

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = new WebhookReceiver();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void aNodeKilledWhileDeliveringLosesAndReordersNothing() throws Exception {
		// Each delivery takes a few milliseconds at the receiver, so the kill lands
		// mid-stream
		receiver.answer("/crash", () -> {
			try {
				Thread.sleep(3);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return 204;
		});
		Api.Reply created = as("admin").post("/api/v1/admin/webhooks",
				Map.of("url", receiver.url("/crash"), "description", "crash test"));
		assertThat(created.status()).isEqualTo(201);
		receiver.secret("/crash", created.text("secret"));
		String subscription = created.body().path("subscription").path("id").asText();

		List<String> codes = walkDossiers();
		// Every reaction has run: the outbox is complete
		Awaitility.await()
			.atMost(Duration.ofMinutes(5))
			.until(() -> this.jdbc.queryForObject("select count(*) from event_publication", Integer.class) == 0);
		int events = this.jdbc.queryForObject("select count(*) from outbound_delivery where destination_id = ?",
				Integer.class, subscription);
		assertThat(events).isEqualTo(this.jdbc.queryForObject("select count(*) from outbound_event", Integer.class))
			.isEqualTo(DOSSIERS * 5);

		Process first = startNode("first");
		try {
			Awaitility.await()
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(20))
				.until(() -> !first.isAlive() || receiver.accepted("/crash").size() >= events / 3);
			assertThat(first.isAlive()).as("the first node runs (see target/outbox-crash-first.log)").isTrue();
			first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		finally {
			first.destroyForcibly();
		}
		int acceptedAtKill = receiver.accepted("/crash").size();
		assertThat(acceptedAtKill).as("killed part-way").isLessThan(events);

		Process second = startNode("second");
		try {
			Awaitility.await()
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> !second.isAlive() || receiver.accepted("/crash").size() >= events);
		}
		finally {
			second.destroy();
			second.waitFor(30, TimeUnit.SECONDS);
			second.destroyForcibly();
		}
		List<JsonNode> accepted = receiver.accepted("/crash");
		assertThat(accepted).as("every event, each once after dropping duplicates").hasSize(events);
		assertThat(receiver.refusedSignatures()).isEmpty();
		Map<String, List<Long>> bySubject = accepted.stream()
			.collect(Collectors.groupingBy((event) -> event.path("subject").asText(),
					Collectors.mapping((event) -> event.path("dossiersequence").asLong(), Collectors.toList())));
		assertThat(bySubject.keySet()).containsExactlyInAnyOrderElementsOf(codes);
		assertThat(bySubject.values()).as("in order per dossier")
			.allSatisfy((sequence) -> assertThat(sequence).containsExactly(1L, 2L, 3L, 4L, 5L));
		System.out.printf("outbox crash: %d events, node killed after %d accepted, %d delivered twice and dropped%n",
				events, acceptedAtKill, receiver.duplicates().size());
	}

	/**
	 * Receives the dossiers and completes each one's review and approval: five events
	 * each (received, in progress, review done, approval done, approved).
	 */
	private List<String> walkDossiers() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Callable<String>> walks = new ArrayList<>();
			for (int i = 0; i < DOSSIERS; i++) {
				walks.add(() -> {
					String code = receiveDossier("clerk");
					assertThat(
							complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
									"PROPOSE_APPROVAL")
								.status())
						.isEqualTo(204);
					assertThat(complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER),
							"APPROVE")
						.status()).isEqualTo(204);
					return code;
				});
			}
			List<String> codes = new ArrayList<>();
			for (Future<String> walk : clients.invokeAll(walks)) {
				codes.add(walk.get());
			}
			return codes;
		}
		finally {
			clients.shutdownNow();
		}
	}

	/** Another node on the same database that delivers often and claims briefly. */
	private Process startNode(String name) throws IOException {
		return NodeProcess.start("outbox-crash-" + name, this.environment, "--camunda.bpm.job-execution.enabled=false",
				"--motcua.outbound.poll-interval=PT0.1S", "--motcua.outbound.lease=PT3S");
	}

}
