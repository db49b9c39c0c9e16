package io.motcua.app.outbound;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber that answers 500 for a while, then recovers, receives every event, once
 * each after dropping duplicates, in order per dossier, while dossiers keep moving during
 * the outage. The outage lasts {@code -Dmotcua.outage.seconds=} (5 by default, to keep
 * the suite short; the two minutes with {@code 120}); pauses between attempts
 * double from 0.5 s up to 5 s.
 */
@TestPropertySource(properties = { "motcua.outbound.poll-interval=PT0.2S", "motcua.outbound.retry-initial=PT0.5S",
		"motcua.outbound.retry-max=PT5S" })
class SubscriberOutageIT extends ApplicationIT {

	private static final int OUTAGE_SECONDS = Integer.getInteger("motcua.outage.seconds", 5);

	private static WebhookReceiver receiver;

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = new WebhookReceiver();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@Test
	void aSubscriberDownForAWhileReceivesEverythingOnceAndInOrder() {
		AtomicInteger refused = new AtomicInteger();
		long recoversAt = System.nanoTime() + Duration.ofSeconds(OUTAGE_SECONDS).toNanos();
		receiver.answer("/outage", () -> {
			if (System.nanoTime() < recoversAt) {
				refused.incrementAndGet();
				return 500;
			}
			return 204;
		});
		Api.Reply created = as("admin").post("/api/v1/admin/webhooks",
				Map.of("url", receiver.url("/outage"), "description", "outage"));
		assertThat(created.status()).isEqualTo(201);
		receiver.secret("/outage", created.text("secret"));

		// Dossiers move during the outage: received, reviewed, approved
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			String code = receiveDossier("clerk");
			assertThat(complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
					"PROPOSE_APPROVAL")
				.status()).isEqualTo(204);
			assertThat(
					complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE")
						.status())
				.isEqualTo(204);
			codes.add(code);
		}
		codes.forEach(this::awaitReactions);
		int events = this.jdbc.queryForObject("select count(*) from outbound_event", Integer.class);
		Awaitility.await()
			.atMost(Duration.ofSeconds(OUTAGE_SECONDS + 120L))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> receiver.accepted("/outage").size() >= events);
		assertThat(refused.get()).as("deliveries were refused during the outage").isPositive();
		assertThat(receiver.accepted("/outage")).hasSize(events);
		for (String code : codes) {
			List<Long> sequences = receiver.acceptedFor("/outage", code)
				.stream()
				.map((event) -> event.path("dossiersequence").asLong())
				.toList();
			assertThat(sequences).as("all of " + code + ", in order").containsExactly(1L, 2L, 3L, 4L, 5L);
		}
		assertThat(this.jdbc.queryForObject("select count(*) from outbound_delivery where status <> 'DELIVERED'",
				Integer.class))
			.isZero();
	}

}
