package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

import org.springframework.boot.actuate.health.Status;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import io.motcua.app.EmbeddedAmqpBroker;
import io.motcua.app.EmbeddedS3Server;
import io.motcua.app.documents.DocumentStore.StoredContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The object-storage store against a real S3-compatible server (S3Proxy in this JVM):
 * content-addressed objects, checked on read, listed by age for the orphan sweep; and
 * start-up that names what is wrong with the bucket or the credentials.
 */
class S3DocumentStoreTests {

	private static final String PREFIX = "motcua/documents/";

	private static EmbeddedS3Server server;

	private static S3Client client;

	@TempDir
	Path spool;

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);

	private String bucket;

	private S3DocumentStore store;

	@BeforeAll
	static void startServer() {
		server = EmbeddedS3Server.start();
		client = server.client();
	}

	@AfterAll
	static void stopServer() {
		client.close();
		server.close();
	}

	@BeforeEach
	void connect() {
		this.bucket = "documents-" + UUID.randomUUID();
		this.store = S3DocumentStore.connect(settings(this.bucket, EmbeddedS3Server.SECRET_KEY, true), this.spool,
				this.clock);
	}

	@AfterEach
	void disconnect() {
		this.store.close();
	}

	@Test
	void storesContentAsAnObjectNamedByItsSha256() throws Exception {
		byte[] bytes = "giấy đề nghị".getBytes(StandardCharsets.UTF_8);
		StoredContent stored = this.store.put(new ByteArrayInputStream(bytes));
		String expected = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		assertThat(stored).isEqualTo(new StoredContent(expected, bytes.length));
		assertThat(keys()).containsExactly(PREFIX + expected);
		assertThat(this.store.exists(expected)).isTrue();
		try (InputStream in = this.store.get(expected)) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
		assertThat(client.headObject((request) -> request.bucket(this.bucket).key(PREFIX + expected)).metadata())
			.containsEntry("stored-at", "2026-03-02T03:00:00Z");
		try (var left = Files.list(this.spool)) {
			assertThat(left).as("nothing left in the spool").isEmpty();
		}
	}

	@Test
	void storesTheSameContentOnce() throws IOException {
		StoredContent first = this.store.put(new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
		StoredContent second = this.store.put(new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
		assertThat(second).isEqualTo(first);
		assertThat(keys()).containsExactly(PREFIX + first.sha256());
	}

	@Test
	void storesAFileLargerThanTheBuffersWhole() throws IOException {
		byte[] bytes = new byte[5 * 1024 * 1024 + 17];
		new java.util.Random(42).nextBytes(bytes);
		StoredContent stored = this.store.put(new ByteArrayInputStream(bytes));
		assertThat(stored.size()).isEqualTo(bytes.length);
		try (InputStream in = this.store.get(stored.sha256())) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
	}

	@Test
	void aChangedObjectIsDetectedOnRead() throws IOException {
		StoredContent stored = this.store.put(new ByteArrayInputStream(TestCorpus.pdf("to be corrupted")));
		client.putObject((request) -> request.bucket(this.bucket).key(PREFIX + stored.sha256()),
				RequestBody.fromString("bit rot"));
		try (InputStream in = this.store.get(stored.sha256())) {
			assertThatThrownBy(() -> in.transferTo(OutputStream.nullOutputStream()))
				.isInstanceOf(DocumentCorruptedException.class)
				.hasMessageContaining(stored.sha256());
		}
	}

	@Test
	void missingContentIsNoSuchFileAndDeletingItIsNothing() throws IOException {
		String absent = "0".repeat(64);
		assertThatThrownBy(() -> this.store.get(absent)).isInstanceOf(NoSuchFileException.class)
			.hasMessageContaining(absent);
		assertThat(this.store.exists(absent)).isFalse();
		this.store.delete(absent);
		assertThatThrownBy(() -> this.store.get("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void deletesContent() throws IOException {
		StoredContent stored = this.store.put(new ByteArrayInputStream(new byte[] { 4, 5, 6 }));
		this.store.delete(stored.sha256());
		assertThat(this.store.exists(stored.sha256())).isFalse();
		assertThat(keys()).isEmpty();
	}

	@Test
	void listsForTheSweepOnlyContentUnderThePrefixOlderThanTheCutoff() throws IOException {
		StoredContent stored = this.store.put(new ByteArrayInputStream(new byte[] { 7, 8, 9 }));
		// Other data sharing the bucket is never offered to the sweep.
		client.putObject((request) -> request.bucket(this.bucket).key("other/" + stored.sha256()),
				RequestBody.fromString("not ours"));
		client.putObject((request) -> request.bucket(this.bucket).key(PREFIX + "readme.txt"),
				RequestBody.fromString("not a document"));
		Instant lastModified = client.headObject((request) -> request.bucket(this.bucket).key(PREFIX + stored.sha256()))
			.lastModified();

		assertThat(olderThan(lastModified.plusSeconds(1))).containsExactly(stored.sha256());
		assertThat(olderThan(lastModified)).as("stored at the cutoff is not older").isEmpty();
	}

	@Test
	void listsPastOnePageOfObjects() throws IOException {
		this.store.pageSize(10);
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < 25; i++) {
			hashes.add(this.store.put(new ByteArrayInputStream(("document " + i).getBytes(StandardCharsets.UTF_8)))
				.sha256());
		}
		Instant later = Instant.parse("2999-01-01T00:00:00Z");
		assertThat(olderThan(later)).containsExactlyInAnyOrderElementsOf(hashes);

		// The sweep deletes as it lists: no object is skipped between pages.
		List<String> deleted = new ArrayList<>();
		this.store.forEachOlderThan(later, (hash) -> {
			try {
				this.store.delete(hash);
				deleted.add(hash);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		assertThat(deleted).containsExactlyInAnyOrderElementsOf(hashes);
		assertThat(keys()).isEmpty();
	}

	@Test
	void anOutageIsToldApartFromOtherFailuresAndLosesNothing() throws Exception {
		StoredContent stored = this.store.put(new ByteArrayInputStream(new byte[] { 10, 11, 12 }));
		ObjectStorageHealth health = new ObjectStorageHealth(this.store);
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		try (AutoCloseable outage = server.outage()) {
			assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.health().getDetails().get("error").toString())
				.contains("bucket '" + this.bucket + "' at " + server.endpoint());
			assertThatThrownBy(() -> this.store.put(new ByteArrayInputStream(new byte[] { 13 })))
				.isInstanceOf(DocumentStoreUnavailableException.class)
				.hasMessageContaining("bucket '" + this.bucket + "' at " + server.endpoint());
			assertThatThrownBy(() -> this.store.get(stored.sha256()))
				.isInstanceOf(DocumentStoreUnavailableException.class);
			assertThatThrownBy(() -> this.store.exists(stored.sha256()))
				.isInstanceOf(DocumentStoreUnavailableException.class);
			assertThatThrownBy(() -> this.store.forEachOlderThan(Instant.MAX, (hash) -> {
			})).isInstanceOf(DocumentStoreUnavailableException.class);
		}
		assertThat(health.health().getStatus()).isEqualTo(Status.UP);
		try (InputStream in = this.store.get(stored.sha256())) {
			assertThat(in.readAllBytes()).containsExactly(10, 11, 12);
		}
		try (var left = Files.list(this.spool)) {
			assertThat(left).as("nothing left in the spool").isEmpty();
		}
	}

	@Test
	void aMissingBucketFailsStartUpNamingItAndTheSetting() {
		assertThatThrownBy(() -> S3DocumentStore.connect(settings("no-such-bucket", EmbeddedS3Server.SECRET_KEY, false),
				this.spool, this.clock))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("bucket 'no-such-bucket' at " + server.endpoint())
			.hasMessageContaining("does not exist")
			.hasMessageContaining("motcua.documents.s3.create-bucket=true");
	}

	@Test
	void createsAMissingBucketWhenAsked() throws IOException {
		String created = "created-" + UUID.randomUUID();
		try (S3DocumentStore other = S3DocumentStore.connect(settings(created, EmbeddedS3Server.SECRET_KEY, true),
				this.spool, this.clock)) {
			other.put(new ByteArrayInputStream(new byte[] { 1 }));
		}
		assertThat(client.listBuckets().buckets()).anySatisfy((bucket) -> assertThat(bucket.name()).isEqualTo(created));
	}

	@Test
	void refusedCredentialsFailStartUpSayingSo() {
		assertThatThrownBy(
				() -> S3DocumentStore.connect(settings(this.bucket, "wrong secret", false), this.spool, this.clock))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("refuses the access key '" + EmbeddedS3Server.ACCESS_KEY + "'")
			.hasMessageContaining("motcua.documents.s3.access-key");
	}

	@Test
	void anUnreachableObjectStorageFailsStartUpNamingTheEndpoint() {
		java.net.URI nowhere = java.net.URI.create("http://127.0.0.1:" + EmbeddedAmqpBroker.freePort());
		DocumentProperties.S3 settings = new DocumentProperties.S3(nowhere, EmbeddedS3Server.REGION, this.bucket,
				EmbeddedS3Server.ACCESS_KEY, EmbeddedS3Server.SECRET_KEY, true, PREFIX, false, Duration.ofSeconds(10));
		assertThatThrownBy(() -> S3DocumentStore.connect(settings, this.spool, this.clock))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Cannot reach the document store's bucket '" + this.bucket + "' at " + nowhere)
			.hasMessageContaining("motcua.documents.s3.endpoint");
	}

	private List<String> olderThan(Instant cutoff) throws IOException {
		List<String> listed = new ArrayList<>();
		this.store.forEachOlderThan(cutoff, listed::add);
		return listed;
	}

	private List<String> keys() {
		return client.listObjectsV2Paginator((request) -> request.bucket(this.bucket))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	private static DocumentProperties.S3 settings(String bucket, String secretKey, boolean createBucket) {
		return new DocumentProperties.S3(server.endpoint(), EmbeddedS3Server.REGION, bucket,
				EmbeddedS3Server.ACCESS_KEY, secretKey, true, PREFIX, createBucket, Duration.ofSeconds(30));
	}

}
