package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.motcua.app.documents.DocumentStore.StoredContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The filesystem store: content-addressed, written whole or not at all, checked on read.
 */
class FilesystemDocumentStoreTests {

	@TempDir
	Path dir;

	private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T03:00:00Z"), ZoneOffset.UTC);

	@Test
	void storesContentUnderItsSha256() throws Exception {
		FilesystemDocumentStore store = new FilesystemDocumentStore(this.dir, this.clock);
		byte[] bytes = "giấy đề nghị".getBytes(StandardCharsets.UTF_8);
		StoredContent stored = store.put(new ByteArrayInputStream(bytes));
		String expected = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		assertThat(stored.sha256()).isEqualTo(expected);
		assertThat(stored.size()).isEqualTo(bytes.length);
		assertThat(store.exists(expected)).isTrue();
		assertThat(store.pathOf(expected)).exists().hasParent(this.dir.resolve(expected.substring(0, 2)));
		try (InputStream in = store.get(expected)) {
			assertThat(in.readAllBytes()).isEqualTo(bytes);
		}
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void storesTheSameContentOnce() throws IOException {
		FilesystemDocumentStore store = new FilesystemDocumentStore(this.dir, this.clock);
		StoredContent first = store.put(new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
		StoredContent second = store.put(new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
		assertThat(second).isEqualTo(first);
		try (Stream<Path> files = Files.walk(this.dir)) {
			assertThat(files.filter(Files::isRegularFile)).hasSize(1);
		}
	}

	@Test
	void storesTheSameContentOnceWhenWrittenConcurrently() throws Exception {
		FilesystemDocumentStore store = new FilesystemDocumentStore(this.dir, this.clock);
		byte[] bytes = TestCorpus.pdf("concurrent");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<StoredContent>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Callable<StoredContent> task = () -> {
					start.await();
					return store.put(new ByteArrayInputStream(bytes));
				};
				results.add(pool.submit(task));
			}
			start.countDown();
			String hash = results.get(0).get().sha256();
			for (Future<StoredContent> result : results) {
				assertThat(result.get().sha256()).isEqualTo(hash);
			}
			try (InputStream in = store.get(hash)) {
				assertThat(in.readAllBytes()).isEqualTo(bytes);
			}
			try (Stream<Path> files = Files.walk(this.dir)) {
				assertThat(files.filter(Files::isRegularFile)).hasSize(1);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void detectsCorruptedContentOnRead() throws IOException {
		FilesystemDocumentStore store = new FilesystemDocumentStore(this.dir, this.clock);
		StoredContent stored = store.put(new ByteArrayInputStream("original".getBytes(StandardCharsets.UTF_8)));
		Files.writeString(store.pathOf(stored.sha256()), "tampered");
		assertThatThrownBy(() -> {
			try (InputStream in = store.get(stored.sha256())) {
				in.readAllBytes();
			}
		}).isInstanceOf(DocumentCorruptedException.class).hasMessageContaining(stored.sha256());
	}

	@Test
	void leavesNothingBehindWhenTheContentCannotBeRead() throws IOException {
		FilesystemDocumentStore store = new FilesystemDocumentStore(this.dir, this.clock);
		InputStream failing = new InputStream() {
			private int count;

			@Override
			public int read() throws IOException {
				if (this.count++ > 1000) {
					throw new IOException("connection reset by peer");
				}
				return 'x';
			}
		};
		assertThatThrownBy(() -> store.put(failing)).isInstanceOf(IOException.class);
		assertThat(leftovers()).isEmpty();
		try (Stream<Path> files = Files.walk(this.dir)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void refusesNamesThatAreNotHashes() {
		FilesystemDocumentStore store = new FilesystemDocumentStore(this.dir, this.clock);
		assertThatThrownBy(() -> store.get("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void listsContentOlderThanACutoffAndRemovesStalePartFiles() throws IOException {
		FilesystemDocumentStore store = new FilesystemDocumentStore(this.dir, this.clock);
		StoredContent stored = store.put(new ByteArrayInputStream(new byte[] { 9 }));
		Path part = Files.writeString(this.dir.resolve("tmp-crashed.part"), "half");
		Files.setLastModifiedTime(part, java.nio.file.attribute.FileTime.from(this.clock.instant().minusSeconds(7200)));
		List<String> older = new ArrayList<>();
		store.forEachOlderThan(this.clock.instant().plusSeconds(1), older::add);
		assertThat(older).containsExactly(stored.sha256());
		assertThat(part).doesNotExist();
		older.clear();
		store.forEachOlderThan(this.clock.instant().minusSeconds(1), older::add);
		assertThat(older).isEmpty();
	}

	private List<Path> leftovers() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.filter((path) -> path.getFileName().toString().endsWith(".part")).toList();
		}
	}

}
