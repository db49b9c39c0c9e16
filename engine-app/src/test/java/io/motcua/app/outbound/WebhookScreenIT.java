package io.motcua.app.outbound;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.test.context.TestPropertySource;

import io.motcua.app.ApplicationIT;
import io.motcua.app.web.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' webhooks screen in headless Chromium: subscribe a URL (the secret
 * shown once), a subscription that breaks a rule shown again as typed, the delivery log
 * of a subscription with the receiver's answers, redelivery of a failed message one by
 * one and all at once; the screen is the administrators' only, and the national portal's
 * log is there once the portal is.
 */
@TestPropertySource(properties = { "motcua.outbound.poll-interval=PT0.2S", "motcua.outbound.retry-initial=PT0.3S",
		"motcua.outbound.retry-max=PT1S", "motcua.outbound.dead-after=PT3S" })
class WebhookScreenIT extends ApplicationIT {

	private static final String RECEIVED = "vn.motcua.dossier.received.v1";

	private static WebhookReceiver receiver;

	private Browser browser;

	@BeforeAll
	static void startReceiver() throws IOException {
		receiver = new WebhookReceiver();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.close();
	}

	@BeforeEach
	void startBrowser() {
		Assumptions.assumeTrue(Browser.available(), "Chromium is not installed");
		this.browser = new Browser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void anAdministratorSubscribesFollowsTheDeliveriesAndSendsFailedOnesAgain() {
		AtomicInteger answer = new AtomicInteger(204);
		receiver.answer("/screen", answer::get);
		Browser web = this.browser;
		web.login("admin").open("/admin/reactions");
		web.click(By.linkText("Gửi sự kiện ra ngoài (webhook)"));
		assertThat(web.url()).endsWith("/admin/webhooks");
		int before = web.all(By.cssSelector("tr[data-subscription]")).size();

		// Subscribe to one event type: the secret is shown, with the sentence to copy it
		web.type("url", receiver.url("/screen")).type("description", "Hệ thống thống kê của tỉnh (test)");
		web.check("type-" + RECEIVED);
		web.clickId("subscribe-submit");
		String secret = web.text(By.id("webhook-secret"));
		assertThat(secret).startsWith("whsec_");
		assertThat(web.text(By.id("webhook-created"))).contains("chỉ hiện một lần", receiver.url("/screen"));
		receiver.secret("/screen", secret);
		WebElement row = web
			.find(By.xpath("//tr[@data-subscription][.//span[text()='" + receiver.url("/screen") + "']]"));
		String subscription = row.getAttribute("data-subscription");
		assertThat(row.getText()).contains("Hồ sơ đã được tiếp nhận", "Hệ thống thống kê của tỉnh (test)", "TRANBIEN",
				"Đang bật", "admin");
		web.screenshot("17-admin-webhooks");

		// Shown once: a reload has no secret any more
		web.open("/admin/webhooks");
		assertThat(web.all(By.id("webhook-secret"))).isEmpty();
		assertThat(web.page()).doesNotContain(secret);

		// A subscription that breaks a rule: the service's message next to the field, the
		// input kept, nothing stored
		web.type("url", "ftp://example.org/hook").type("description", "Sai giao thức");
		web.check("type-" + RECEIVED);
		web.clickId("subscribe-submit");
		assertThat(web.text(By.id("err-url"))).contains("http(s)");
		assertThat(web.find(By.id("url")).getDomProperty("value")).isEqualTo("ftp://example.org/hook");
		assertThat(web.find(By.id("description")).getDomProperty("value")).isEqualTo("Sai giao thức");
		assertThat(web.find(By.id("type-" + RECEIVED)).isSelected()).isTrue();
		assertThat(web.find(By.cssSelector("p.alert")).getText()).contains("không hợp lệ");
		assertThat(web.all(By.cssSelector("tr[data-subscription]"))).hasSize(before + 1);
		assertThat(web.text(By.id("webhooks"))).doesNotContain("ftp://example.org/hook");
		assertThat(as("admin").get("/api/v1/admin/webhooks").body()).hasSize(before + 1);

		// A dossier received: its event reaches the receiver and is listed as delivered
		String delivered = receiveDossier("clerk");
		web.open("/admin/webhooks");
		web.click(By.cssSelector("tr[data-subscription='" + subscription + "'] a.button"));
		assertThat(web.url()).endsWith("/admin/webhooks/" + subscription);
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(receiver.acceptedFor("/screen", delivered)).hasSize(1);
			web.open("/admin/webhooks/" + subscription);
			assertThat(delivery(delivered).getAttribute("data-status")).isEqualTo("DELIVERED");
		});
		assertThat(delivery(delivered).getText()).contains("Hồ sơ đã được tiếp nhận", "Đã gửi", "204");

		// The receiver fails: two messages are given up and shown with the last error
		answer.set(500);
		String first = receiveDossier("clerk");
		String second = receiveDossier("clerk");
		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			web.open("/admin/webhooks/" + subscription);
			assertThat(delivery(first).getAttribute("data-status")).isEqualTo("DEAD");
			assertThat(delivery(second).getAttribute("data-status")).isEqualTo("DEAD");
		});
		assertThat(delivery(first).getText()).contains("Lỗi", "500");
		assertThat(delivery(first).findElement(By.cssSelector(".last-error")).getText()).startsWith("HTTP 500");
		assertThat(web.text(By.id("counts"))).contains("2 lỗi");
		assertThat(receiver.acceptedFor("/screen", first)).isEmpty();
		web.select("status", "DEAD").click(By.cssSelector("form.filters button"));
		web.find(By.cssSelector("#status option[value='DEAD'][selected]"));
		assertThat(web.all(By.cssSelector("tr[data-delivery]")))
			.allSatisfy((shown) -> assertThat(shown.getAttribute("data-status")).isEqualTo("DEAD"))
			.hasSize(2);
		web.screenshot("18-admin-webhook-deliveries");
		web.open("/admin/webhooks");
		assertThat(web.text(By.cssSelector("tr[data-subscription='" + subscription + "'] .n-dead"))).isEqualTo("2");

		// The receiver is back: "Gửi lại" sends the first one again, and only that one
		answer.set(204);
		web.open("/admin/webhooks/" + subscription);
		String id = delivery(first).getAttribute("data-delivery");
		web.clickId("redeliver-" + id);
		assertThat(web.text(By.cssSelector("p.notice"))).contains(id);
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			web.open("/admin/webhooks/" + subscription);
			assertThat(delivery(first).getAttribute("data-status")).isEqualTo("DELIVERED");
		});
		assertThat(receiver.acceptedFor("/screen", first)).hasSize(1);
		assertThat(delivery(second).getAttribute("data-status")).isEqualTo("DEAD");

		// "Gửi lại tất cả bản tin lỗi" sends the rest
		web.clickId("redeliver-dead");
		assertThat(web.text(By.cssSelector("p.notice"))).startsWith("1 ");
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			web.open("/admin/webhooks/" + subscription);
			assertThat(delivery(second).getAttribute("data-status")).isEqualTo("DELIVERED");
		});
		assertThat(receiver.acceptedFor("/screen", second)).hasSize(1);
		assertThat(receiver.refusedSignatures()).isEmpty();
		assertThat(web.all(By.id("redeliver-dead"))).as("nothing failed is left").isEmpty();

		// Both screens fit a phone
		web.phone().open("/admin/webhooks/" + subscription);
		web.assertFitsWidth();
		web.open("/admin/webhooks");
		web.assertFitsWidth();
		web.desktop();

		// Switched off: listed as such, and nothing more reaches it
		web.click(By.cssSelector("tr[data-subscription='" + subscription + "'] form button"));
		assertThat(web.text(By.cssSelector("p.notice"))).contains(receiver.url("/screen"));
		assertThat(web.text(By.cssSelector("tr[data-subscription='" + subscription + "']"))).contains("Đã tắt");
		assertThat(web.all(By.cssSelector("tr[data-subscription='" + subscription + "'] form"))).isEmpty();
		assertThat(as("admin").get("/api/v1/admin/webhooks/" + subscription).body().path("active").asBoolean())
			.isFalse();
	}

	@Test
	void aClerkIsRefusedTheScreen() {
		Browser web = this.browser;
		web.login("clerk").open("/admin/webhooks");
		assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Không có quyền");
		assertThat(web.page()).doesNotContain("Đăng ký webhook");
		assertThat(status(web, "/admin/webhooks")).isEqualTo(403);
		assertThat(status(web, "/admin/webhooks/national-portal")).isEqualTo(403);
	}

	@Test
	void theNationalPortalsLogIsThereOnceThePortalIs() {
		Browser web = this.browser;
		web.login("admin").open("/admin/webhooks/national-portal");
		assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Không tìm thấy");
		assertThat(status(web, "/admin/webhooks/national-portal")).isEqualTo(404);
		web.open("/admin/webhooks");
		assertThat(web.all(By.id("portal-log"))).isEmpty();

		// The portal configured (switched off here, so that no channel is asked to
		// deliver)
		this.jdbc
			.update("insert into outbound_destination (id, kind, url, secret, event_types, units, active, created_by,"
					+ " created_at) values ('national-portal', 'PORTAL', 'https://dichvucong.example/sync', null,"
					+ " '*', '*', false, 'system', ?)", Timestamp.from(this.clock.instant()));
		try {
			web.open("/admin/webhooks");
			web.clickId("portal-log");
			assertThat(web.url()).endsWith("/admin/webhooks/national-portal");
			assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Cổng Dịch vụ công quốc gia: nhật ký gửi");
			assertThat(web.find(By.id("no-deliveries")).getText()).isNotBlank();
			web.clickId("redeliver-dead");
			assertThat(web.text(By.cssSelector("p.notice"))).startsWith("0 ");
			assertThat(web.url()).contains("/admin/webhooks/national-portal");
			web.open("/admin/webhooks");
			assertThat(web.page()).as("the portal is no subscription").doesNotContain("dichvucong");
		}
		finally {
			this.jdbc.update("delete from outbound_destination where id = 'national-portal'");
		}
	}

	private WebElement delivery(String dossierCode) {
		return this.browser.find(By.cssSelector("tr[data-dossier='" + dossierCode + "']"));
	}

	/** The status a GET of the path answers, from inside the page (with its session). */
	private static long status(Browser web, String path) {
		Object status = web.driver()
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch(arguments[0]).then(function (r) { done(r.status); });", path);
		return (Long) status;
	}

}
