package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import io.motcua.app.ApiSlice;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The receipt's download: served as an attachment the browser neither sniffs, caches nor
 * runs; a dossier the caller may not see has none.
 */
@WebMvcTest(DocumentController.class)
@Import(ApiSlice.class)
@WithMockUser(roles = "CLERK")
class DocumentControllerTests {

	private static final String CODE = "TRANBIEN-20261207-0001";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	DocumentService documents;

	@MockitoBean
	Receipts receipts;

	@MockitoBean
	StaffDirectory directory;

	@Test
	void theReceiptIsServedAsAnAttachmentThatIsNeverRun() {
		byte[] pdf = "%PDF-1.7 receipt".getBytes(StandardCharsets.US_ASCII);
		DocumentView receipt = new DocumentView(7L, CODE, DocumentKind.RECEIPT, "RECEIPT",
				"giay-tiep-nhan-" + CODE + ".pdf", "application/pdf", pdf.length, "ab", "system",
				Instant.parse("2026-12-07T02:00:00Z"), 1, null, "/api/v1/dossiers/" + CODE + "/documents/7/content");
		given(this.receipts.download(CODE))
			.willReturn(new DocumentService.Download(receipt, () -> new ByteArrayInputStream(pdf)));
		MvcTestResult result = this.mvc.get().uri("/api/v1/dossiers/{code}/receipt", CODE).exchange();
		assertThat(result).hasStatus(200)
			.hasContentType("application/pdf")
			.hasHeader("X-Content-Type-Options", "nosniff")
			.hasHeader("Cache-Control", "private, no-store")
			.hasHeader("Content-Security-Policy", "default-src 'none'; sandbox");
		assertThat(result.getResponse().getHeader("Content-Disposition")).startsWith("attachment;")
			.contains("giay-tiep-nhan-" + CODE + ".pdf");
		assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(pdf);
	}

	@Test
	void aDossierTheCallerMayNotSeeHasNoReceipt() {
		given(this.receipts.download(CODE)).willThrow(ProblemException.notFound("No dossier " + CODE));
		assertThat(this.mvc.get().uri("/api/v1/dossiers/{code}/receipt", CODE).exchange()).hasStatus(404)
			.bodyJson()
			.hasPathSatisfying("$.type",
					(type) -> assertThat(type).asString().isEqualTo("urn:motcua:problem:not-found"));
	}

}
