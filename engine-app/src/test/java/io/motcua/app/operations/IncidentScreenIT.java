package io.motcua.app.operations;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.ApplicationIT;
import io.motcua.app.signature.SignatureProperties;
import io.motcua.app.web.Browser;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incidents screen in headless Chromium: an administrator finds a dossier whose seal
 * failed for good and one whose result did not verify, with their step, error and
 * attempts; a supervisor sends the second back to signing from its dossier screen; the
 * administrator runs the seal again from the incidents screen once the key is mended, and
 * the first dossier completes. The screen is the administrators' only.
 */
@TestPropertySource(properties = "motcua.signature.key-store-dir=target/incident-screen-it/keys")
class IncidentScreenIT extends ApplicationIT {

	@Autowired
	SignatureProperties signature;

	private Breakdowns breakdowns;

	private Browser browser;

	@BeforeEach
	void startBrowser() {
		Assumptions.assumeTrue(Browser.available(), "Chromium is not installed");
		this.breakdowns = new Breakdowns(this.signature.keyStoreDir(), this.signature.keyStorePassword());
		this.browser = new Browser(this.port);
	}

	@AfterEach
	void closeBrowser() {
		if (this.breakdowns != null) {
			this.breakdowns.mendTheSealKey();
		}
		if (this.browser != null) {
			this.browser.close();
		}
	}

	@Test
	void anAdministratorSeesWhatIsStuckAndMendsItAndASupervisorSendsAResultBackToSigning() {
		// A result sealed with a key nobody trusts, then a seal key that cannot be read
		String invalid = approvedDossier();
		this.breakdowns.installAnUntrustedSealKey();
		complete("approver", openTask("approver", invalid, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		awaitStatus(invalid, "VERIFICATION_FAILED");
		String unsealed = approvedDossier();
		this.breakdowns.breakTheSealKey();
		complete("approver", openTask("approver", unsealed, DossierLifecycle.TASK_SIGN_RESULT), "SIGN");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> as("admin").get("/api/v1/admin/incidents")
				.body()
				.path("jobs")
				.findParents("dossierCode")
				.stream()
				.anyMatch((job) -> job.path("dossierCode").asText().equals(unsealed)
						&& job.path("retriesLeft").asInt() == 0));

		// The administrator finds both from the admin pages
		Browser web = this.browser;
		web.login("admin").open("/admin/procedures");
		web.click(By.linkText("Sự cố cần xử lý"));
		assertThat(web.url()).endsWith("/admin/incidents");
		assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Sự cố cần xử lý");
		WebElement job = web.find(By.cssSelector("#failed-jobs tr[data-dossier='" + unsealed + "']"));
		assertThat(job.getText()).contains("Đóng dấu kết quả", "TRANBIEN.p12", "Chờ quản trị viên");
		assertThat(job.findElement(By.cssSelector(".attempts")).getText()).isEqualTo("3");
		assertThat(web.text(By.cssSelector("#stuck-dossiers tr[data-dossier='" + unsealed + "']")))
			.contains("Bước tự động bị lỗi", "TRANBIEN");
		assertThat(web.text(By.cssSelector("#stuck-dossiers tr[data-dossier='" + invalid + "']")))
			.contains("Xác minh kết quả thất bại");
		assertThat(web.text(By.id("incident-summary"))).contains("Bước lỗi: 1");
		web.screenshot("20-admin-incidents");
		web.logout();

		// The supervisor sees the failed verification on the dossier and sends it back
		web.login("supervisor").open("/dossiers/" + invalid);
		assertThat(web.text(By.id("stuck"))).contains("Hồ sơ đang bị dừng", "không xác minh được");
		assertThat(web.text(By.cssSelector(".status"))).isEqualTo("Xác minh kết quả thất bại");
		web.clickId("return-to-signing");
		assertThat(status("clerk", invalid)).as("a reason is required").isEqualTo("VERIFICATION_FAILED");
		web.type("return-reason", "Chứng thư của dấu chưa được tin cậy");
		web.clickId("return-to-signing");
		assertThat(web.text(By.cssSelector("p.notice"))).contains(invalid, "bước ký");
		assertThat(web.text(By.cssSelector(".status"))).isEqualTo("Đã phê duyệt");
		assertThat(web.all(By.id("stuck"))).isEmpty();
		assertThat(web.page()).contains("RETURNED_TO_SIGNING", "Chứng thư của dấu chưa được tin cậy");
		web.logout();

		// The key mended, the administrator runs the seal again: the dossier completes
		this.breakdowns.mendTheSealKey();
		web.login("admin").open("/admin/incidents");
		web.click(By.cssSelector("#failed-jobs tr[data-dossier='" + unsealed + "'] button"));
		assertThat(web.text(By.cssSelector("p.notice"))).contains("Đóng dấu kết quả", unsealed);
		awaitStatus(unsealed, "RESULT_READY");
		web.open("/admin/incidents");
		assertThat(web.all(By.cssSelector("#failed-jobs tr[data-dossier='" + unsealed + "']"))).isEmpty();
		assertThat(web.all(By.cssSelector("#stuck-dossiers tr[data-dossier='" + invalid + "']"))).isEmpty();
		web.open("/dossiers/" + unsealed);
		assertThat(web.page()).contains("JOB_RETRIED");

		// It fits a phone
		web.phone().open("/admin/incidents");
		web.assertFitsWidth();
		web.desktop();
	}

	@Test
	void aClerkIsRefusedTheScreen() {
		Browser web = this.browser;
		web.login("clerk").open("/admin/incidents");
		assertThat(web.find(By.tagName("h1")).getText()).isEqualTo("Không có quyền");
		assertThat(web.page()).doesNotContain("Bước tự động của quy trình bị lỗi");
	}

	private String approvedDossier() {
		String code = receiveDossier("clerk");
		complete("specialist", openTask("specialist", code, DossierLifecycle.TASK_REVIEW_DOSSIER), "PROPOSE_APPROVAL");
		complete("approver", openTask("approver", code, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		return code;
	}

}
