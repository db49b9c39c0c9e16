package io.motcua.app.web;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counter's checklist in headless Chromium: one checkbox and a number of paper copies
 * per document of the procedure; a required document left unticked is named next to it
 * and nothing is received; the ticks are stored with the dossier and shown on its page.
 */
class CounterChecklistScreenIT extends ApplicationIT {

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
	void aRequiredDocumentNotTickedIsNamedAndTheTicksAreStoredWithTheirCopies() {
		Browser web = this.browser;
		web.login("clerk").open("/counter/new?procedure=" + PROCEDURE);
		assertThat(web.all(By.cssSelector("input[name=document]"))).hasSize(4);
		assertThat(web.find(By.id("copies-GIAY_DE_NGHI")).getAttribute("value")).isEqualTo("1");
		web.type("fullName", "Lê Thị Cúc")
			.type("identityNumber", "079203007777")
			.type("address", "3 Hà Huy Giáp, Phường Trấn Biên")
			.type("f-business-name", "Tiệm bánh Cúc")
			.select("f-business-ownership", "individual")
			.type("f-business-line", "Bán bánh ngọt")
			.type("f-business-capital", "30000000")
			.type("f-business-employeeCount", "1")
			.type("f-business-address", "3 Hà Huy Giáp, Trấn Biên")
			.setValue("f-business-startDate", "2026-12-01")
			.check("f-commitment");
		// Only the application form ticked, with 2 copies
		web.check("doc-GIAY_DE_NGHI").type("copies-GIAY_DE_NGHI", "2");
		int dossiers = countRows("dossier");
		web.clickId("receive");
		assertThat(web.text(By.id("err-doc-GIAY_TO_PHAP_LY_CA_NHAN"))).startsWith("thiếu: ").contains("bản giấy");
		assertThat(web.all(By.id("err-doc-GIAY_DE_NGHI"))).isEmpty();
		assertThat(countRows("dossier")).isEqualTo(dossiers);
		// What was typed and ticked is kept
		assertThat(web.find(By.id("doc-GIAY_DE_NGHI")).isSelected()).isTrue();
		assertThat(web.find(By.id("copies-GIAY_DE_NGHI")).getAttribute("value")).isEqualTo("2");

		web.check("doc-GIAY_TO_PHAP_LY_CA_NHAN");
		web.clickId("receive");
		if (web.all(By.id("receipt-code")).isEmpty()) {
			assertThat(web.all(By.cssSelector(".error, .alert")).stream().map((e) -> e.getText()).toList())
				.as("the second submission was refused")
				.isEmpty();
		}
		String code = web.text(By.id("receipt-code"));
		assertThat(code).startsWith("TRANBIEN-");
		assertThat(this.jdbc
			.queryForList("select document_type || ':' || copies from dossier_paper_original where dossier_code = ?"
					+ " order by document_type", String.class, code))
			.containsExactly("GIAY_DE_NGHI:2", "GIAY_TO_PHAP_LY_CA_NHAN:1");

		web.open("/dossiers/" + code);
		assertThat(web.text(By.id("paper-GIAY_DE_NGHI"))).isEqualTo("bản giấy: 2 bản");
		assertThat(web.text(By.id("paper-GIAY_TO_PHAP_LY_CA_NHAN"))).isEqualTo("bản giấy: 1 bản");
		assertThat(web.all(By.id("paper-HOP_DONG_THUE_DIA_DIEM"))).isEmpty();
	}

}
