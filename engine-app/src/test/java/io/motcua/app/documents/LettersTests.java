package io.motcua.app.documents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.ActingStaff;
import io.motcua.app.DossierFixtures;
import io.motcua.app.FeatureTest;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierStatusChanged;
import io.motcua.app.sla.DossierExtended;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents feature on its own: the receipt and the letters are reactions after
 * commit, each issued once, with what the event says.
 */
@FeatureTest
class LettersTests {

	@Autowired
	DossierService dossiers;

	@Autowired
	Receipts receipts;

	@Autowired
	DocumentService documents;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void clerk() {
		ActingStaff.actAs(this.users, "clerk");
	}

	@AfterEach
	void nobody() {
		ActingStaff.leave();
	}

	@Test
	void theReceiptIsPrintedWithItsSecretOnceTheIntakeCommits(Scenario scenario) {
		AtomicReference<String> code = new AtomicReference<>();
		scenario.stimulate(() -> this.transactions.execute((status) -> {
			code.set(this.dossiers.register(DossierFixtures.atTheCounter()).code());
			this.dossiers.recordPaperOriginals(code.get(), DossierFixtures.paperOriginals());
			this.receipts.order(code.get(), "MA-TRA-CUU-01");
			return code.get();
		}))
			.andWaitForStateChange(
					() -> this.documents.issuedFor(code.get(), DocumentKind.RECEIPT, Receipts.ISSUED_FOR),
					Optional::isPresent)
			.andVerify((receipt) -> {
				assertThat(text(receipt.orElseThrow())).contains("GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", code.get(),
						"MA-TRA-CUU-01", "Nguyễn Văn An");
				// The counter's checklist: each required document, on paper here
				assertThat(text(receipt.orElseThrow()).replaceAll("\\s+", " ")).contains("Giấy tờ đã nhận:",
						"Giấy đề nghị đăng ký hộ kinh doanh: bản giấy: 1 bản", ": bản giấy: 2 bản");
				assertThat(this.jdbc.queryForObject("select count(*) from receipt_order where dossier_code = ?",
						Integer.class, code.get()))
					.isZero();
			});
	}

	@Test
	void aSupplementRequestIssuesForm02WithTheReasonOnceHoweverOftenItIsDelivered(Scenario scenario) {
		String code = registered();
		Instant at = Instant.parse("2026-12-07T03:00:00Z");
		DossierStatusChanged requested = new DossierStatusChanged(code, "HKD-01", "TRANBIEN", DossierStatus.IN_PROGRESS,
				DossierStatus.AWAITING_SUPPLEMENT, at, "specialist", "Thiếu bản sao hợp đồng thuê địa điểm", 3);
		scenario.publish(requested)
			.andWaitForStateChange(
					() -> this.documents.issuedFor(code, DocumentKind.SUPPLEMENT_REQUEST, "AWAITING_SUPPLEMENT@" + at),
					Optional::isPresent)
			.andVerify((letter) -> assertThat(text(letter.orElseThrow()))
				.contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", code, "Thiếu bản sao hợp đồng thuê địa điểm"));
		// Delivered again (a retry after a lost acknowledgement): nothing new is issued
		scenario.publish(requested).andWaitForStateChange(this::pendingReactions, (pending) -> pending == 0);
		assertThat(issued(code, DocumentKind.SUPPLEMENT_REQUEST)).isEqualTo(1);
	}

	@Test
	void aRefusalIssuesForm03WithTheReasonGiven(Scenario scenario) {
		String code = registered();
		Instant at = Instant.parse("2026-12-07T04:00:00Z");
		scenario
			.publish(new DossierStatusChanged(code, "HKD-01", "TRANBIEN", DossierStatus.IN_PROGRESS,
					DossierStatus.REJECTED, at, "approver", "Địa điểm kinh doanh nằm trong khu quy hoạch", 7))
			.andWaitForStateChange(() -> this.documents.issuedFor(code, DocumentKind.REFUSAL, "REJECTED@" + at),
					Optional::isPresent)
			.andVerify((letter) -> assertThat(text(letter.orElseThrow()))
				.contains("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", "Địa điểm kinh doanh nằm trong khu quy hoạch"));
		assertThat(issued(code, DocumentKind.SUPPLEMENT_REQUEST)).isZero();
	}

	@Test
	void otherStatusChangesIssueNoLetterAndLeaveNothingPending(Scenario scenario) {
		String code = registered();
		scenario
			.publish(new DossierStatusChanged(code, "HKD-01", "TRANBIEN", DossierStatus.RECEIVED,
					DossierStatus.IN_PROGRESS, Instant.parse("2026-12-07T02:00:00Z"), "system", null, 2))
			.andWaitForStateChange(this::pendingReactions, (pending) -> pending == 0);
		assertThat(issued(code, DocumentKind.SUPPLEMENT_REQUEST) + issued(code, DocumentKind.REFUSAL)).isZero();
	}

	@Test
	void aRefusalGoingBackToSigningIsNotRefusedAgain(Scenario scenario) {
		String code = registered();
		scenario
			.publish(new DossierStatusChanged(code, "HKD-01", "TRANBIEN", DossierStatus.VERIFICATION_FAILED,
					DossierStatus.REJECTED, Instant.parse("2026-12-07T05:00:00Z"), "supervisor", null, 9))
			.andWaitForStateChange(this::pendingReactions, (pending) -> pending == 0);
		assertThat(issued(code, DocumentKind.REFUSAL)).isZero();
	}

	@Test
	void anExtensionIssuesForm04WithTheNewAppointment(Scenario scenario) {
		String code = registered();
		Instant at = Instant.parse("2026-12-07T05:00:00Z");
		scenario
			.publish(new DossierExtended(code, Instant.parse("2026-12-08T10:00:00Z"),
					Instant.parse("2026-12-11T09:30:00Z"), "Chờ ý kiến phòng Tài nguyên", at, "specialist", 4))
			.andWaitForStateChange(() -> this.documents.issuedFor(code, DocumentKind.APOLOGY, "EXTENDED@" + at),
					Optional::isPresent)
			.andVerify((letter) -> assertThat(text(letter.orElseThrow())).contains(
					"PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", "Chờ ý kiến phòng Tài nguyên", "17:00 ngày 08/12/2026",
					"16:30 ngày 11/12/2026"));
	}

	private String registered() {
		String code = this.transactions
			.execute((status) -> this.dossiers.register(DossierFixtures.atTheCounter()).code());
		// The dossier's own reactions (its receipt order is missing: nothing to print)
		Awaitility.await().until(() -> pendingReactions() == 0);
		return code;
	}

	private int pendingReactions() {
		return this.jdbc.queryForObject("select count(*) from event_publication", Integer.class);
	}

	private int issued(String code, DocumentKind kind) {
		return this.jdbc.queryForObject("select count(*) from document where dossier_code = ? and kind = ?",
				Integer.class, code, kind.name());
	}

	private String text(DocumentView document) {
		try (PDDocument pdf = Loader.loadPDF(this.documents.storedContent(document))) {
			return new PDFTextStripper().getText(pdf);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
