package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;
import io.motcua.processes.DossierLifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nothing stored is lost or half-written: crashes between file and row, corrupted files,
 * concurrent uploads of the same content; letters issued when the process asks for them.
 */
class DocumentSafetyIT extends ApplicationIT {

	@Autowired
	DocumentService documents;

	@Autowired
	DocumentChecks checks;

	@Autowired
	FilesystemDocumentStore store;

	@Autowired
	OrphanSweep sweep;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void failureBetweenFileAndRowLeavesNoRowAndTheSweepRemovesTheOrphan() throws IOException {
		String code = receiveDossier("clerk");
		byte[] pdf = TestCorpus.pdf("crash between file and row " + System.nanoTime());
		String[] hash = new String[1];
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			try (CheckedFiles checked = this.checks.check(PROCEDURE,
					List.of(new IncomingFile("GIAY_DE_NGHI", "don.pdf", () -> new ByteArrayInputStream(pdf))), code,
					false)) {
				hash[0] = this.documents.attach(code, DocumentKind.SUPPLEMENT, checked).get(0).sha256();
			}
			throw new IllegalStateException("power cut before commit");
		})).hasMessageContaining("power cut");
		assertThat(this.jdbc.queryForObject("select count(*) from document where sha256 = ?", Integer.class, hash[0]))
			.isZero();
		assertThat(this.store.exists(hash[0])).isTrue();

		// Rows always point to files: every row's content is still there after a sweep.
		this.clock.set(this.clock.instant().plus(Duration.ofHours(2)));
		double counted = this.meters.counter("motcua.documents.orphans.deleted").count();
		int deleted = this.sweep.sweep();
		assertThat(deleted).isPositive();
		assertThat(this.store.exists(hash[0])).isFalse();
		assertThat(this.meters.counter("motcua.documents.orphans.deleted").count()).isEqualTo(counted + deleted);
		for (String referenced : this.jdbc.queryForList("select distinct sha256 from document", String.class)) {
			assertThat(this.store.exists(referenced)).as(referenced).isTrue();
		}
	}

	@Test
	void corruptedStoredFileIsDetectedOnRead() throws IOException {
		byte[] pdf = TestCorpus.pdf("to be corrupted " + System.nanoTime());
		JsonNode received = receive(pdf);
		JsonNode document = received.path("documents").get(0);
		Files.write(this.store.pathOf(document.path("sha256").asText()), "bit rot".getBytes(StandardCharsets.UTF_8));
		Multipart.Reply reply = Multipart.get(this.port, "clerk", document.path("contentUrl").asText());
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.json().path("type").asText()).isEqualTo("urn:motcua:problem:internal-error");
		assertThat(reply.json().path("detail").asText()).contains("damaged");
		assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).doesNotContain("bit rot");
	}

	@Test
	void sameFileUploadedToTwoDossiersAtOnceIsStoredOnceAndLinkedTwice() throws Exception {
		byte[] pdf = TestCorpus.pdf("shared lease contract " + System.nanoTime());
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<JsonNode>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				Callable<JsonNode> upload = () -> {
					start.await();
					return receive(pdf);
				};
				results.add(pool.submit(upload));
			}
			start.countDown();
			JsonNode first = results.get(0).get();
			JsonNode second = results.get(1).get();
			assertThat(first.path("code").asText()).isNotEqualTo(second.path("code").asText());
			String hash = first.path("documents").get(0).path("sha256").asText();
			assertThat(second.path("documents").get(0).path("sha256").asText()).isEqualTo(hash);
			assertThat(this.jdbc.queryForList("select dossier_code from document where sha256 = ?", String.class, hash))
				.containsExactlyInAnyOrder(first.path("code").asText(), second.path("code").asText());
			assertThat(this.store.exists(hash)).isTrue();
			try (var files = Files.walk(this.store.root())) {
				assertThat(files.filter((path) -> path.getFileName().toString().equals(hash))).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void supplementRequestAndRefusalIssueForms02And03() throws IOException {
		String code = receive(TestCorpus.pdf("letters")).path("code").asText();
		Api.Reply requested = as("specialist").post("/api/v1/dossiers/" + code + "/supplement-requests",
				Map.of("reason", "Thiếu bản sao hợp đồng thuê địa điểm kinh doanh"));
		assertThat(requested.status()).as(requested.body().toString()).isEqualTo(200);
		String form02 = letter(code, "SUPPLEMENT_REQUEST");
		assertThat(form02).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
			.contains(code)
			.contains("Thiếu bản sao hợp đồng thuê địa điểm kinh doanh");

		String other = receive(TestCorpus.pdf("refusal")).path("code").asText();
		complete("specialist", openTask("specialist", other, DossierLifecycle.TASK_REVIEW_DOSSIER),
				"PROPOSE_REJECTION");
		complete("approver", openTask("approver", other, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		assertThat(status("clerk", other)).isEqualTo("REJECTED");
		assertThat(letter(other, "REFUSAL")).contains("PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ").contains(other);
	}

	@Test
	void refusesAFileOneByteOverTheLimitAndADossierOverItsTotalNamingThem() {
		long limit = 20L * 1024 * 1024;
		// Outside a request the JVM's language would decide; English here.
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		try {
			assertThatThrownBy(() -> this.checks.check(PROCEDURE,
					List.of(new IncomingFile("GIAY_DE_NGHI", "big.pdf", () -> zeros(limit + 1))), null, false))
				.isInstanceOfSatisfying(ProblemException.class, (ex) -> {
					assertThat(ex.kind()).isEqualTo(ProblemKind.VALIDATION_FAILED);
					assertThat(ex.errors()).extracting(FieldError::reason).containsExactly("file-too-large");
					assertThat(ex.errors()).extracting(FieldError::message)
						.containsExactly("'big.pdf': the file is larger than the limit of 20.0 MB per file");
				});
			List<IncomingFile> many = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				many.add(new IncomingFile("GIAY_DE_NGHI", "part" + i + ".pdf", () -> zeros(18L * 1024 * 1024)));
			}
			assertThatThrownBy(() -> this.checks.check(PROCEDURE, many, null, false)).isInstanceOfSatisfying(
					ProblemException.class,
					(ex) -> assertThat(ex.errors()).extracting(FieldError::message)
						.anySatisfy((message) -> assertThat(message).contains("add up to 108.0 MB")
							.contains("limit of 100.0 MB per dossier")));
		}
		finally {
			LocaleContextHolder.resetLocaleContext();
		}
		// Staged copies are gone.
		try (var staged = Files.list(this.store.root().resolve("staging"))) {
			assertThat(staged).isEmpty();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static java.io.InputStream zeros(long size) {
		return new java.io.InputStream() {
			private long left = size;

			@Override
			public int read() {
				if (this.left <= 0) {
					return -1;
				}
				this.left--;
				return 0;
			}

			@Override
			public int read(byte[] buffer, int offset, int length) {
				if (this.left <= 0) {
					return -1;
				}
				int n = (int) Math.min(length, this.left);
				java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
				this.left -= n;
				return n;
			}
		};
	}

	/** The text of a letter, once the reaction after commit has issued it. */
	private String letter(String code, String kind) {
		String[] text = new String[1];
		Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			JsonNode list = Multipart.get(this.port, "clerk", "/api/v1/dossiers/" + code + "/documents").json();
			JsonNode letter = null;
			for (JsonNode document : list) {
				if (document.path("kind").asText().equals(kind)) {
					letter = document;
				}
			}
			assertThat(letter).as("a " + kind + " in " + list).isNotNull();
			Multipart.Reply content = Multipart.get(this.port, "clerk", letter.path("contentUrl").asText());
			assertThat(content.status()).isEqualTo(200);
			text[0] = DocumentIntakeIT.text(content.bytes());
		});
		return text[0];
	}

	private JsonNode receive(byte[] pdf) {
		Multipart.Reply reply = new Multipart().json("application", application(PROCEDURE))
			.file("GIAY_DE_NGHI", "hop-dong.pdf", pdf)
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", TestCorpus.png())
			.post(this.port, "clerk", "/api/v1/dossiers");
		assertThat(reply.status()).as(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo(201);
		return reply.json();
	}

}
