package io.motcua.app.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks a dossier through the staff web UI in headless Chromium, as each role: the clerk
 * receives it at the counter, the specialist proposes approval, the approver approves and
 * signs in one screen, the clerk hands the result back, the supervisor sees it, and the
 * applicant looks it up without login. Takes the screenshots of {@code docs/screenshots}.
 * Each test ends by checking that the Content-Security-Policy refused nothing on its
 * screens (no inline script, handler or style).
 */
class WebFlowIT extends ApplicationIT {

	private Browser browser;

	@BeforeEach
	void startBrowser() {
		Assumptions.assumeTrue(Browser.available(), "Chromium is not installed");
		this.browser = new Browser(this.port);
	}

	/**
	 * Every screen works under the Content-Security-Policy: the console reports nothing
	 * it refused.
	 */
	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			try {
				assertThat(this.browser.contentSecurityViolations()).isEmpty();
			}
			finally {
				this.browser.close();
			}
		}
	}

	@Test
	void carriesOneDossierFromTheCounterToItsReturnedResult() {
		Browser web = this.browser;
		// The clerk receives the application at the counter.
		web.open("/login").screenshot("01-login");
		web.login("clerk");
		assertThat(web.url()).endsWith("/counter");
		web.screenshot("02-counter-procedures");
		web.clickId("procedure-" + PROCEDURE);
		web.clickId("receive");
		assertThat(web.text(By.id("err-fullName"))).isNotBlank();
		assertThat(web.page()).contains("Invalid application");
		web.type("fullName", "Nguyễn Văn An")
			.type("identityNumber", "079203001234")
			.type("phone", "0912345678")
			.type("address", "12 Đường Võ Thị Sáu, Phường Trấn Biên")
			.type("f-business-name", "Cửa hàng tạp hóa Hoa Sen")
			.select("f-business-ownership", "individual")
			.type("f-business-line", "Bán lẻ hàng tạp hóa")
			.type("f-business-capital", "50000000")
			.type("f-business-employeeCount", "2")
			.type("f-business-address", "15 Đường Cách Mạng Tháng Tám")
			.setValue("f-business-startDate", "2026-12-01")
			.check("f-commitment");
		web.all(By.cssSelector("input[name=document]")).forEach((box) -> box.click());
		web.screenshot("03-counter-intake");
		web.clickId("receive");
		String code = web.text(By.id("receipt-code"));
		String secret = web.text(By.id("receipt-secret"));
		assertThat(code).startsWith("TRANBIEN-");
		assertThat(secret).isNotBlank();
		assertThat(web.text(By.id("receipt-appointment"))).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
		web.screenshot("04-receipt");
		// The receipt's PDF (Form 01) is there at once, printed on this first download if
		// the reaction after intake has not run yet
		Object pdf = web.driver()
			.executeAsyncScript(
					"var done = arguments[arguments.length - 1];" + "fetch(document.getElementById('receipt-pdf').href)"
							+ ".then(function (r) { done(r.status + ' ' + r.headers.get('content-type')); });");
		assertThat(pdf).isEqualTo("200 application/pdf");
		web.logout();

		// The specialist finds it in the worklist (searched by code: this class's other
		// tests leave open reviews too) and proposes approval.
		web.login("specialist").open("/worklist?q=" + code);
		assertThat(web.find(By.cssSelector("tr[data-dossier='" + code + "']")).getText()).contains("Trong hạn");
		web.screenshot("05-worklist");
		web.click(By.cssSelector("tr[data-dossier='" + code + "'] a"));
		assertThat(web.page()).contains("Nguyễn Văn An", "Cửa hàng tạp hóa Hoa Sen");
		web.type("comment", "Hồ sơ đầy đủ, đề nghị cấp.");
		// The review's own form: a site visit needs its date, and the server says so next
		// to it.
		web.type("f-findings", "Hồ sơ hợp lệ, đủ điều kiện").check("f-siteVisit");
		web.clickId("outcome-" + DossierLifecycle.OUTCOME_PROPOSE_APPROVAL);
		assertThat(web.find(By.cssSelector(".field.invalid")).getText()).isNotBlank();
		web.setValue("f-siteVisitDate", "2026-11-20");
		web.screenshot("06-task-review");
		web.clickId("outcome-" + DossierLifecycle.OUTCOME_PROPOSE_APPROVAL);
		assertThat(web.find(By.cssSelector("p.notice")).getText()).contains(code);
		assertThat(as("clerk").get("/api/v1/dossiers/" + code + "/steps")
			.body()
			.get(0)
			.path("formData")
			.path("findings")
			.asText()).isEqualTo("Hồ sơ hợp lệ, đủ điều kiện");
		assertThat(web.page()).contains(code);
		web.logout();

		// The approver reads, approves and signs in one screen.
		web.login("approver");
		assertThat(web.url()).endsWith("/approvals");
		web.screenshot("07-approvals");
		web.click(By.cssSelector("tr[data-dossier='" + code + "'] a"));
		web.clickId("outcome-" + DossierLifecycle.OUTCOME_APPROVE);
		if (web.all(By.id("outcome-" + DossierLifecycle.OUTCOME_SIGN)).isEmpty()) {
			web.open("/approvals").click(By.cssSelector("tr[data-dossier='" + code + "'] a"));
		}
		web.screenshot("08-approve-and-sign");
		web.clickId("outcome-" + DossierLifecycle.OUTCOME_SIGN);
		// The seal and the verification run in the job executor right after the
		// signature.
		awaitStatus(code, "RESULT_READY");
		web.logout();

		// The clerk hands the result back.
		web.login("clerk").open("/counter/returns");
		web.find(By.cssSelector("#ready tr[data-dossier='" + code + "']"));
		web.screenshot("09-returns");
		web.clickId("return-" + code);
		assertThat(web.find(By.cssSelector("p.notice")).getText()).contains(code);
		assertThat(status("clerk", code)).isEqualTo("RETURNED");
		web.open("/dossiers/" + code);
		assertThat(web.page()).contains("Đã trả kết quả");
		web.screenshot("10-dossier");
		web.logout();

		// The supervisor sees it completed on the dashboard.
		web.login("supervisor");
		assertThat(web.url()).endsWith("/supervision");
		assertThat(Integer.parseInt(web.text(By.id("kpi-completed")))).isPositive();
		assertThat(web.find(By.cssSelector("#units tr[data-unit='TRANBIEN']")).getText()).contains("Phường");
		web.screenshot("11-dashboard");
		web.logout();

		// The applicant looks it up without logging in: nothing personal.
		web.open("/lookup").type("code", code).type("secret", secret);
		web.click(By.cssSelector("#lookup button[type=submit]"));
		assertThat(web.text(By.id("lookup-status"))).isEqualTo("Đã trả kết quả");
		assertThat(web.page()).doesNotContain("Nguyễn Văn An", "079203001234", "0912345678");
		web.screenshot("12-public-lookup");
	}

	@Test
	void theContentSecurityPolicyRefusesAnInlineScriptAndTheTestsSeeIt() {
		Browser web = this.browser;
		web.open("/login");
		web.driver()
			.executeScript("var s = document.createElement('script'); s.textContent = 'window.ran = true';"
					+ " document.body.appendChild(s);");
		assertThat(web.driver().executeScript("return window.ran === true")).isEqualTo(false);
		assertThat(web.contentSecurityViolations()).isNotEmpty();
	}

	@Test
	void approverApprovesSeveralDossiersAtOnce() {
		String first = receiveDossier("clerk");
		String second = receiveDossier("clerk");
		for (String code : new String[] { first, second }) {
			complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER),
					DossierLifecycle.OUTCOME_PROPOSE_APPROVAL);
		}
		Browser web = this.browser;
		web.login("approver").open("/approvals");
		web.check("sel-" + first).check("sel-" + second);
		web.clickId("batch-submit");
		assertThat(web.find(By.cssSelector("p.notice")).getText()).contains("2");
		assertThat(status("approver", first)).isNotEqualTo("IN_PROGRESS");
		assertThat(status("approver", second)).isNotEqualTo("IN_PROGRESS");
	}

	@Test
	void clerkOfAnotherCommuneSeesNothingOfTheDossier() {
		String code = receiveDossier("clerk");
		Browser web = this.browser;
		web.login("clerk2").open("/dossiers/" + code);
		assertThat(web.page()).doesNotContain("Nguyễn Văn An").contains("Không tìm thấy");
		web.open("/counter/receipt/" + code);
		assertThat(web.page()).doesNotContain("Nguyễn Văn An");
		web.open("/dossiers");
		assertThat(web.page()).doesNotContain(code);
		web.open("/worklist");
		assertThat(web.page()).doesNotContain(code);
		web.open("/counter/returns");
		assertThat(web.page()).doesNotContain(code);
	}

	@Test
	void publicLookupAnswersWithoutLoginAndRefusesAWrongSecret() {
		String code = receiveDossier("clerk");
		Browser web = this.browser;
		web.open("/lookup").type("code", code).type("secret", "WRONGSECRET");
		web.click(By.cssSelector("#lookup button[type=submit]"));
		assertThat(web.find(By.cssSelector("p.alert")).getText()).contains("Không có hồ sơ");
		assertThat(web.url()).doesNotContain("/login");
	}

	@Test
	void switchesToEnglishAndFitsAPhone() {
		Browser web = this.browser;
		web.open("/login?lang=en");
		assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Log in");
		web.login("specialist").open("/worklist");
		assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Worklist");
		web.phone().open("/worklist");
		web.assertFitsWidth();
		web.screenshot("13-worklist-phone-en");
		web.desktop().open("/worklist?lang=vi");
		assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Việc cần làm");
	}

	@Test
	void supervisorSeesWhoHoldsAnOverdueDossierAndExportsTheList() {
		String code = receiveDossier("clerk");
		this.clock.set(java.time.Instant.now().plus(java.time.Duration.ofDays(30)));
		Browser web = this.browser;
		web.login("supervisor").open("/supervision");
		String row = web.find(By.cssSelector("#overdue tr[data-dossier='" + code + "']")).getText();
		assertThat(row).contains("TRANBIEN:SPECIALIST", "Thẩm định hồ sơ");
		assertThat(web.find(By.cssSelector("#units tr[data-unit='TRANBIEN'] .state")).getText()).isEqualTo("Đỏ");
		web.screenshot("11b-dashboard-overdue");
		Object csv = web.driver()
			.executeAsyncScript("var done = arguments[arguments.length - 1];"
					+ "fetch('/supervision/overdue.csv').then(function (r) { return r.text(); }).then(done);");
		assertThat(csv.toString()).contains("code,procedure,status").contains(code + "," + PROCEDURE);

		// The supervisor hands the overdue review to a specialist.
		web.open("/supervision").check("pick-" + code).select("reassign-to", "specialist");
		web.clickId("reassign");
		assertThat(web.find(By.cssSelector("p.notice")).getText()).contains("1");
		assertThat(as("specialist").get("/api/v1/tasks?dossier=" + code)
			.body()
			.path("items")
			.get(0)
			.path("assignee")
			.asText()).isEqualTo("specialist");
	}

	@Test
	void administratorSeesTheCatalogAndTheCalendars() {
		Browser web = this.browser;
		web.login("admin").open("/admin/procedures");
		assertThat(web.text(By.id("catalog"))).contains(PROCEDURE, "dossier-lifecycle");
		web.screenshot("14-admin-catalog");
		web.open("/admin/calendars");
		assertThat(web.text(By.id("calendar"))).contains("Asia/Ho_Chi_Minh");
		assertThat(web.find(By.id("definition")).getAttribute("value")).contains("\"year\"");
		web.screenshot("15-admin-calendars");
		web.open("/admin/reactions");
		assertThat(web.title()).contains("Xử lý nền");
		web.open("/admin/units");
		assertThat(web.text(By.cssSelector("section[data-unit='TRANBIEN']"))).contains("specialist", "approver",
				"SUPERVISOR");
		String newcomer = "clerk-web-" + System.nanoTime() % 100000;
		web.type("username-TRANBIEN", newcomer)
			.type("fullname-TRANBIEN", "Hoàng Thị Mai")
			.check("role-TRANBIEN-CLERK")
			.type("password-TRANBIEN", "mat-khau-2026");
		web.clickId("add-TRANBIEN");
		assertThat(web.find(By.cssSelector("p.notice")).getText()).contains(newcomer);
		assertThat(Api.as(this.port, newcomer, "mat-khau-2026").get("/api/v1/procedures").status()).isEqualTo(200);
		web.clickId("toggle-" + newcomer);
		// The click returns before the browser has the answer; wait for the account to be
		// refused.
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(Api.as(this.port, newcomer, "mat-khau-2026").get("/api/v1/procedures").status())
						.isEqualTo(401));
		web.logout().login("clerk").open("/admin/calendars");
		assertThat(web.all(By.id("calendar-edit"))).isEmpty();
	}

	static String group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

}
