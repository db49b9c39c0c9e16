package io.motcua.app.operations;

import java.lang.reflect.Method;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierReceived;
import io.motcua.app.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reactions after commit, in an application of their own (its own database, retries every
 * second): a reaction that fails leaves the command committed, is logged, counted,
 * recorded, listed for administrators and retried until it runs; a reaction whose node
 * died after the command committed runs on the next retry.
 */
@TestPropertySource(properties = { "motcua.reactions.retry-after=PT1S", "motcua.reactions.retry-interval=PT1S" })
@Import(ReactionsIT.FlakyReaction.class)
@AutoConfigureObservability(tracing = false)
class ReactionsIT extends ApplicationIT {

	@Autowired
	EventSerializer serializer;

	@AfterEach
	void healThePrinter() {
		FlakyReaction.failuresLeft.set(0);
	}

	@Test
	void aFailingReactionLeavesTheIntakeIsListedCountedAndRetriedUntilItRuns() throws Exception {
		FlakyReaction.failuresLeft.set(Integer.MAX_VALUE);
		String code = receiveDossier("clerk");
		// The intake stands; the other reactions to it (the receipt) ran
		assertThat(status("clerk", code)).isEqualTo("IN_PROGRESS");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.jdbc.queryForObject(
					"select count(*) from document where dossier_code = ? and kind = 'RECEIPT'", Integer.class, code))
				.isEqualTo(1));

		// It is retried, recorded and listed with its dossier and its error
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Api.Reply pending = as("admin").get("/api/v1/admin/reactions");
			assertThat(pending.status()).isEqualTo(200);
			assertThat(pending.body().findValuesAsText("dossierCode")).contains(code);
			assertThat(this.jdbc.queryForObject(
					"select max(attempts) from reaction_failure where dossier_code = ? and listener_id like ?",
					Integer.class, code, "%FlakyReaction%"))
				.isGreaterThanOrEqualTo(2);
		});
		Api.Reply pending = as("admin").get("/api/v1/admin/reactions");
		var entry = pending.body()
			.findParents("dossierCode")
			.stream()
			.filter((node) -> code.equals(node.path("dossierCode").asText()))
			.findFirst()
			.orElseThrow();
		assertThat(entry.path("reaction").asText()).isEqualTo("ReactionsIT$FlakyReaction.on(DossierReceived)");
		assertThat(entry.path("event").asText()).isEqualTo("DossierReceived");
		assertThat(entry.path("lastError").asText()).contains("hết giấy");
		assertThat(as("clerk").get("/api/v1/admin/reactions").status()).isEqualTo(403);
		assertThat(prometheus()).containsPattern(
				"motcua_reactions_seconds_count\\{[^}]*outcome=\"failure\",reaction=\"ReactionsIT\\$FlakyReaction.on\\(DossierReceived\\)\"")
			.containsPattern("motcua_reactions_pending(_\\w+)? [1-9]");

		// The printer is back: the next retry runs it, and nothing is pending any more
		FlakyReaction.failuresLeft.set(0);
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(FlakyReaction.ran).contains(code);
			assertThat(as("admin").get("/api/v1/admin/reactions").body().findValuesAsText("dossierCode"))
				.doesNotContain(code);
			assertThat(this.jdbc.queryForObject("select count(*) from reaction_failure where dossier_code = ?",
					Integer.class, code))
				.isZero();
		});
	}

	@Test
	void anAdministratorSeesTheStuckReactionAndRunsItAgainFromTheScreen() {
		Assumptions.assumeTrue(Browser.available(), "Chromium is not installed");
		FlakyReaction.failuresLeft.set(Integer.MAX_VALUE);
		String code = receiveDossier("clerk");
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(as("admin").get("/api/v1/admin/reactions").body().findValuesAsText("dossierCode"))
						.contains(code));
		try (Browser web = new Browser(this.port)) {
			web.login("admin").open("/admin/reactions");
			String row = web.text(By.id("reactions"));
			assertThat(row).contains(code, "FlakyReaction", "hết giấy");
			web.screenshot("16-admin-reactions");
			FlakyReaction.failuresLeft.set(0);
			web.click(By.xpath("//tr[td/a[text()='" + code + "']]//button"));
			assertThat(web.find(By.cssSelector("p.notice")).getText()).isNotBlank();
			Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				assertThat(FlakyReaction.ran).contains(code);
				web.open("/admin/reactions");
				assertThat(web.page()).doesNotContain(code);
			});
		}
	}

	@Test
	void aReactionWhoseNodeDiedAfterTheCommitRunsOnTheNextRetry() throws Exception {
		String code = receiveDossier("clerk");
		awaitReactions(code);
		// As if the node had died after the intake committed, before the receipt was
		// printed: the order and the stored event are there, the receipt is not
		this.jdbc.update("delete from document where dossier_code = ? and kind = 'RECEIPT'", code);
		this.jdbc.update("insert into receipt_order (dossier_code, lookup_secret, ordered_at) values (?, ?, ?)", code,
				"SECRET-AFTER-CRASH", Timestamp.from(this.clock.instant()));
		Class<?> receipts = Class.forName("io.motcua.app.documents.Receipts");
		Method on = receipts.getDeclaredMethod("on", DossierReceived.class);
		String listener = new TransactionalApplicationListenerMethodAdapter(null, receipts, on).getListenerId();
		DossierReceived received = new DossierReceived(code, PROCEDURE, Channel.COUNTER, "TRANBIEN", "TRANBIEN",
				this.clock.instant(), "clerk", 1);
		this.jdbc.update(
				"insert into event_publication (id, listener_id, event_type, serialized_event, publication_date)"
						+ " values (?, ?, ?, ?, ?)",
				UUID.randomUUID(), listener, DossierReceived.class.getName(),
				this.serializer.serialize(received).toString(), Timestamp.from(this.clock.instant().minusSeconds(5)));

		awaitReactions(code);
		assertThat(this.jdbc.queryForObject("select count(*) from document where dossier_code = ? and kind = 'RECEIPT'",
				Integer.class, code))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from receipt_order where dossier_code = ?", Integer.class,
				code))
			.isZero();
	}

	private String prometheus() throws Exception {
		java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/actuator/prometheus"))
				.header("Authorization",
						"Basic " + java.util.Base64.getEncoder()
							.encodeToString("admin:demo".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
				.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	/**
	 * A reaction to every intake that fails as long as a test tells it to: a receipt
	 * printer out of paper.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class FlakyReaction {

		static final AtomicInteger failuresLeft = new AtomicInteger();

		static final Set<String> ran = ConcurrentHashMap.newKeySet();

		@ApplicationModuleListener
		void on(DossierReceived received) {
			if (failuresLeft.get() > 0) {
				failuresLeft.decrementAndGet();
				throw new IllegalStateException("Máy in hết giấy (test)");
			}
			ran.add(received.dossierCode());
		}

	}

}
