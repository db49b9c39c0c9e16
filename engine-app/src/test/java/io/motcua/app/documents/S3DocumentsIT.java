package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.ApplicationIT;
import io.motcua.app.EmbeddedS3Server;
import io.motcua.app.NodeProcess;
import io.motcua.app.S3TestStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents on S3-compatible object storage (S3Proxy in the test JVM), the whole way: a
 * dossier received with its files, downloaded, approved and signed, its result stored
 * beside them; damaged objects detected; what rolled-back transactions left in the bucket
 * swept away; an outage answered 503 with nothing half-received; and a second node
 * serving what the first stored.
 */
@ContextConfiguration(initializers = S3TestStore.class)
class S3DocumentsIT extends ApplicationIT {

	@Autowired
	DocumentStore store;

	@Autowired
	EmbeddedS3Server server;

	@Autowired
	DocumentChecks checks;

	@Autowired
	DocumentService documents;

	@Autowired
	OrphanSweep sweep;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Environment environment;

	private S3Client s3;

	@BeforeEach
	void openClient() {
		this.s3 = this.server.client();
	}

	@AfterEach
	void closeClient() {
		this.s3.close();
	}

	@Autowired
	ApplicationContext context;

	@Test
	void theObjectStorageIsTheStoreStartUpChoseAndItsHealthIsReported() {
		assertThat(this.store).isInstanceOf(S3DocumentStore.class);
		assertThat(this.context.getBean("documentStoreHealthIndicator", HealthIndicator.class).health().getStatus())
			.isEqualTo(Status.UP);
	}

	@Test
	void aDossierFromIntakeToSignedResultKeepsEveryDocumentInTheBucket() throws Exception {
		byte[] pdf = TestCorpus.pdf("application on S3 " + System.nanoTime());
		byte[] png = TestCorpus.png();
		JsonNode received = receive(this.port, pdf, png);
		String code = received.path("code").asText();
		for (JsonNode document : received.path("documents")) {
			assertThat(keys()).contains(S3TestStore.PREFIX + document.path("sha256").asText());
		}
		JsonNode application = received.path("documents").get(0);
		assertThat(application.path("sha256").asText()).isEqualTo(sha256(pdf));
		Multipart.Reply download = Multipart.get(this.port, "clerk", application.path("contentUrl").asText());
		assertThat(download.status()).isEqualTo(200);
		assertThat(download.bytes()).isEqualTo(pdf);

		walkToResultReady(code);
		JsonNode signed = latest(code, "SIGNED_RESULT");
		assertThat(keys()).contains(S3TestStore.PREFIX + signed.path("sha256").asText());
		Multipart.Reply result = Multipart.get(this.port, "clerk", signed.path("contentUrl").asText());
		assertThat(result.status()).isEqualTo(200);
		assertThat(sha256(result.bytes())).isEqualTo(signed.path("sha256").asText());
		assertThat(new String(result.bytes(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// Every row points to an object.
		for (String referenced : this.jdbc.queryForList("select distinct sha256 from document", String.class)) {
			assertThat(keys()).as(referenced).contains(S3TestStore.PREFIX + referenced);
		}
	}

	@Test
	void aDamagedObjectIsDetectedOnDownload() {
		JsonNode received = receive(this.port, TestCorpus.pdf("damaged on S3 " + System.nanoTime()), TestCorpus.png());
		JsonNode document = received.path("documents").get(0);
		this.s3.putObject((request) -> request.bucket(S3TestStore.BUCKET)
			.key(S3TestStore.PREFIX + document.path("sha256").asText()), RequestBody.fromString("bit rot"));
		Multipart.Reply reply = Multipart.get(this.port, "clerk", document.path("contentUrl").asText());
		assertThat(reply.status()).isEqualTo(500);
		assertThat(reply.json().path("type").asText()).isEqualTo("urn:motcua:problem:internal-error");
		assertThat(reply.json().path("detail").asText()).contains("damaged");
		assertThat(new String(reply.bytes(), StandardCharsets.UTF_8)).doesNotContain("bit rot");
	}

	@Test
	void anOutageOfTheObjectStorageAnswers503WithRetryAfterAndReceivesNothing() throws Exception {
		int dossiers = countRows("dossier");
		try (AutoCloseable outage = this.server.outage()) {
			Multipart.Reply reply = new Multipart().json("application", application(PROCEDURE))
				.file("GIAY_DE_NGHI", "don-de-nghi.pdf", TestCorpus.pdf("during the outage " + System.nanoTime()))
				.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", TestCorpus.png())
				.post(this.port, "clerk", "/api/v1/dossiers");
			assertThat(reply.status()).as(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo(503);
			assertThat(reply.header("Retry-After")).isNotBlank();
			assertThat(reply.json().path("type").asText()).isEqualTo("urn:motcua:problem:service-unavailable");
			assertThat(reply.json().path("detail").asText()).contains("document store");
		}
		assertThat(countRows("dossier")).as("nothing half-received").isEqualTo(dossiers);
		receive(this.port, TestCorpus.pdf("after the outage " + System.nanoTime()), TestCorpus.png());
		assertThat(countRows("dossier")).isEqualTo(dossiers + 1);
	}

	@Test
	void theSweepDeletesFromTheBucketWhatARolledBackTransactionLeft() throws Exception {
		String code = receiveDossier("clerk");
		byte[] pdf = TestCorpus.pdf("rolled back on S3 " + System.nanoTime());
		String[] hash = new String[1];
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			try (CheckedFiles checked = this.checks.check(PROCEDURE,
					List.of(new IncomingFile("GIAY_DE_NGHI", "don.pdf", () -> new ByteArrayInputStream(pdf))), code,
					false)) {
				hash[0] = this.documents.attach(code, DocumentKind.SUPPLEMENT, checked).get(0).sha256();
			}
			throw new IllegalStateException("node killed before commit");
		})).hasMessageContaining("node killed");
		assertThat(this.jdbc.queryForObject("select count(*) from document where sha256 = ?", Integer.class, hash[0]))
			.isZero();
		assertThat(keys()).contains(S3TestStore.PREFIX + hash[0]);

		// Younger than orphan-age: left alone, its transaction may still be running.
		assertThat(this.sweep.sweep()).isZero();
		assertThat(keys()).contains(S3TestStore.PREFIX + hash[0]);

		this.clock.set(this.clock.instant().plus(Duration.ofHours(2)));
		double counted = this.meters.counter("motcua.documents.orphans.deleted").count();
		int deleted = this.sweep.sweep();
		assertThat(deleted).isPositive();
		assertThat(keys()).doesNotContain(S3TestStore.PREFIX + hash[0]);
		assertThat(this.meters.counter("motcua.documents.orphans.deleted").count()).isEqualTo(counted + deleted);
		for (String referenced : this.jdbc.queryForList("select distinct sha256 from document", String.class)) {
			assertThat(keys()).as(referenced).contains(S3TestStore.PREFIX + referenced);
		}
	}

	@Test
	void anotherNodeServesWhatThisOneStored() throws Exception {
		int otherPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			otherPort = socket.getLocalPort();
		}
		List<String> arguments = new ArrayList<>(List.of(this.server.settings(S3TestStore.BUCKET, S3TestStore.PREFIX)));
		arguments.add("--camunda.bpm.job-execution.enabled=false");
		Process other = NodeProcess.start("s3-documents", otherPort, this.environment,
				arguments.toArray(String[]::new));
		try {
			HttpClient http = HttpClient.newHttpClient();
			Awaitility.await()
				.atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.until(() -> !other.isAlive() || http
					.send(HttpRequest.newBuilder(URI.create("http://localhost:" + otherPort + "/actuator/health"))
						.build(), HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200);
			assertThat(other.isAlive()).as("the other node runs (see target/s3-documents.log)").isTrue();

			byte[] pdf = TestCorpus.pdf("stored by the other node " + System.nanoTime());
			JsonNode received = receive(otherPort, pdf, TestCorpus.png());
			JsonNode document = received.path("documents").get(0);
			Multipart.Reply here = Multipart.get(this.port, "clerk", document.path("contentUrl").asText());
			assertThat(here.status()).isEqualTo(200);
			assertThat(here.bytes()).isEqualTo(pdf);
		}
		finally {
			other.destroy();
			other.waitFor(30, TimeUnit.SECONDS);
			other.destroyForcibly();
		}
	}

	private JsonNode latest(String code, String kind) {
		JsonNode latest = null;
		for (JsonNode document : Multipart.get(this.port, "clerk", "/api/v1/dossiers/" + code + "/documents").json()) {
			if (document.path("kind").asText().equals(kind)) {
				latest = document;
			}
		}
		assertThat(latest).as("a " + kind + " of " + code).isNotNull();
		return latest;
	}

	private List<String> keys() {
		return this.s3.listObjectsV2Paginator((request) -> request.bucket(S3TestStore.BUCKET))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	private static JsonNode receive(int port, byte[] pdf, byte[] png) {
		Multipart.Reply reply = new Multipart().json("application", application(PROCEDURE))
			.file("GIAY_DE_NGHI", "don-de-nghi.pdf", pdf)
			.file("GIAY_TO_PHAP_LY_CA_NHAN", "cccd.png", png)
			.post(port, "clerk", "/api/v1/dossiers");
		assertThat(reply.status()).as(new String(reply.bytes(), StandardCharsets.UTF_8)).isEqualTo(201);
		return reply.json();
	}

	private static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(VerifyingInputStream.sha256().digest(bytes));
	}

}
