package io.motcua.app.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' screen for machine clients in headless Chromium: register a client
 * with an API key (the key shown once) that then reads a dossier through the API, a
 * client that breaks a rule shown again as typed, an OAuth2 client (no key), revoking a
 * client (its key refused from then on); the screen is the administrators' only.
 * <p>
 * The application runs as in production with no identity provider configured, which the
 * screen says.
 */
class ApiClientScreenIT extends ApplicationIT {

	private static final String RECEIVED = "vn.motcua.dossier.received.v1";

	private Browser browser;

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
	void anAdministratorRegistersAKeyThatReadsDossiersUntilItIsRevoked() {
		Browser web = this.browser;
		web.login("admin").open("/admin/webhooks");
		web.click(By.linkText("Máy khách API (khóa API, OAuth2)"));
		assertThat(web.url()).endsWith("/admin/api-clients");
		int before = clientsStored();
		assertThat(web.all(By.cssSelector("tr[data-client]"))).hasSize(before);

		// Register a client that reads dossiers: the key is shown once, with the header
		web.type("name", "thong-ke-tinh");
		web.select("unitCode", "TRANBIEN");
		web.check("scope-dossiers-read").check("type-" + RECEIVED);
		web.clickId("register-submit");
		String key = web.text(By.id("api-key"));
		assertThat(key).startsWith("mck_");
		assertThat(web.text(By.id("client-created"))).contains("thong-ke-tinh", "chỉ hiện một lần", "X-API-Key");
		WebElement row = client("thong-ke-tinh");
		assertThat(row.getAttribute("data-active")).isEqualTo("true");
		assertThat(row.getText()).contains("Khóa API", "TRANBIEN", "dossiers:read",
				"Xem hồ sơ của các đơn vị được truy cập", "Hồ sơ đã được tiếp nhận", "Đang hoạt động", "admin");
		assertThat(row.getText()).doesNotContain("dossiers:submit", key);
		String hint = row.findElement(By.cssSelector(".key-hint")).getText();
		assertThat(hint).endsWith("_…");
		assertThat(key).startsWith(hint.substring(0, hint.length() - 1));
		web.screenshot("19-admin-api-clients");

		// Shown once: a reload has no key any more
		web.open("/admin/api-clients");
		assertThat(web.all(By.id("api-key"))).isEmpty();
		assertThat(web.all(By.id("client-created"))).isEmpty();
		assertThat(web.driver().getPageSource()).doesNotContain(key);

		// The key reads a dossier of its unit through the API
		String code = receiveDossier("clerk");
		Api client = Api.anonymous(this.port).withHeader("X-API-Key", key);
		Api.Reply dossier = client.get("/api/v1/dossiers/" + code);
		assertThat(dossier.status()).isEqualTo(200);
		assertThat(dossier.text("code")).isEqualTo(code);

		// A client that breaks rules: the service's messages next to the fields, the
		// input kept, nothing stored
		web.type("name", "so lieu tinh").type("oauthClientId", "");
		web.check("unit-TRANBIEN").check("type-" + RECEIVED);
		web.clickId("register-submit");
		assertThat(web.text(By.id("err-name"))).contains("bắt buộc");
		assertThat(web.text(By.id("err-scopes"))).contains("ít nhất một quyền");
		assertThat(web.find(By.id("name")).getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(web.find(By.id("name")).getDomProperty("value")).isEqualTo("so lieu tinh");
		assertThat(web.find(By.id("unit-TRANBIEN")).isSelected()).isTrue();
		assertThat(web.find(By.id("type-" + RECEIVED)).isSelected()).isTrue();
		assertThat(web.find(By.id("scope-dossiers-read")).isSelected()).isFalse();
		assertThat(web.find(By.cssSelector("#unitCode option[value='TRANBIEN']")).isSelected()).isTrue();
		assertThat(web.find(By.cssSelector("p.alert")).getText()).contains("không hợp lệ");
		assertThat(web.all(By.id("api-key"))).isEmpty();
		assertThat(web.all(By.cssSelector("tr[data-client]"))).hasSize(before + 1);
		assertThat(clientsStored()).isEqualTo(before + 1);

		// An OAuth2 client: no key, the identity provider's tokens (none configured here)
		web.open("/admin/api-clients");
		web.type("name", "cong-dvc-quoc-gia").type("oauthClientId", "dvc-portal");
		web.check("scope-dossiers-submit").check("scope-events-subscribe");
		web.clickId("register-submit");
		assertThat(web.text(By.id("client-created"))).contains("cong-dvc-quoc-gia", "dvc-portal",
				"spring.security.oauth2.resourceserver.jwt");
		assertThat(web.all(By.id("api-key"))).isEmpty();
		assertThat(web.find(By.id("no-identity-provider")).getText()).contains("issuer-uri");
		WebElement oauth = client("cong-dvc-quoc-gia");
		assertThat(oauth.findElement(By.cssSelector(".oauth-client-id")).getText()).isEqualTo("dvc-portal");
		assertThat(oauth.getText()).contains("OAuth2 client", "dossiers:submit", "events:subscribe", "Mọi loại")
			.doesNotContain("mck_");
		assertThat(clientsStored()).isEqualTo(before + 2);

		// The screen fits a phone, and speaks English on request
		web.phone().open("/admin/api-clients");
		web.assertFitsWidth();
		web.desktop();
		web.open("/admin/api-clients?lang=en");
		assertThat(web.text(By.tagName("h1"))).isEqualTo("Machine clients (API keys, OAuth2)");
		assertThat(client("thong-ke-tinh").getText()).contains("Read dossiers of the units it may access",
				"A dossier was received", "Active");
		assertThat(web.text(By.id("oauthClientId-hint"))).contains("Leave empty to get an API key");
		web.open("/admin/api-clients?lang=vi");

		// Revoked: listed as such, and its key is refused from the next request
		client("thong-ke-tinh").findElement(By.cssSelector("form button")).click();
		assertThat(web.text(By.cssSelector("p.notice"))).contains("thong-ke-tinh", "thu hồi");
		assertThat(client("thong-ke-tinh").getText()).contains("Đã thu hồi");
		assertThat(client("thong-ke-tinh").getAttribute("data-active")).isEqualTo("false");
		assertThat(client("thong-ke-tinh").findElements(By.cssSelector("form"))).isEmpty();
		assertThat(client("cong-dvc-quoc-gia").getText()).contains("Đang hoạt động");
		assertThat(client.get("/api/v1/dossiers/" + code).status()).isEqualTo(401);
	}

	@Test
	void aClerkIsRefusedTheScreen() {
		Browser web = this.browser;
		web.login("clerk").open("/admin/api-clients");
		assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Không có quyền");
		assertThat(web.page()).doesNotContain("Đăng ký máy khách");
		assertThat(status(web, "GET", "/admin/api-clients")).isEqualTo(403);

		// Nor may a clerk register one by posting the form (with a valid CSRF token)
		int before = clientsStored();
		assertThat(status(web, "POST", "/admin/api-clients")).isEqualTo(403);
		assertThat(clientsStored()).isEqualTo(before);
	}

	private WebElement client(String name) {
		return this.browser.find(By.cssSelector("tr[data-name='" + name + "']"));
	}

	private int clientsStored() {
		return as("admin").get("/api/v1/admin/api-clients").body().size();
	}

	/**
	 * The status a request answers, from inside the page (with its session and the CSRF
	 * token of its log-out form).
	 */
	private static long status(Browser web, String method, String path) {
		Object status = web.driver()
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "var csrf = document.querySelector('input[name=_csrf]');" + "if (!csrf) { done(-1); return; }"
					+ "var body = new URLSearchParams({ name: 'ke-la', scopes: 'dossiers:read', _csrf: csrf.value });"
					+ "fetch(arguments[1], arguments[0] === 'GET' ? {} : { method: 'POST', body: body })"
					+ ".then(function (r) { done(r.status); });", method, path);
		return (Long) status;
	}

}
