package io.motcua.app.documents;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes stored content that no document row points to and that is older than
 * {@code orphan-age}: what a transaction left behind when it rolled back after writing
 * its files (files are written before their rows), and staged uploads of crashed
 * requests. The age keeps it away from transactions still in flight; storing the same
 * content again refreshes its age.
 */
@Component
class OrphanSweep {

	private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);

	private final DocumentStore store;

	private final DocumentRepository documents;

	private final DocumentProperties properties;

	private final Clock clock;

	private final Counter deletedFiles;

	OrphanSweep(DocumentStore store, DocumentRepository documents, DocumentProperties properties, Clock clock,
			MeterRegistry meters) {
		this.store = store;
		this.documents = documents;
		this.properties = properties;
		this.clock = clock;
		this.deletedFiles = Counter.builder("motcua.documents.orphans.deleted")
			.description("Stored files without a document row deleted by the orphan sweep:"
					+ " what rolled-back or killed transactions left behind")
			.register(meters);
	}

	@Scheduled(initialDelayString = "${motcua.documents.sweep-initial-delay:PT10M}",
			fixedDelayString = "${motcua.documents.sweep-interval:PT1H}")
	void scheduled() {
		try {
			sweep();
		}
		catch (RuntimeException | IOException ex) {
			log.error("Orphan sweep of the document store failed", ex);
		}
	}

	/** Runs one sweep and answers how many stored contents it deleted. */
	int sweep() throws IOException {
		Instant cutoff = this.clock.instant().minus(this.properties.orphanAge());
		AtomicInteger deleted = new AtomicInteger();
		this.store.forEachOlderThan(cutoff, (sha256) -> {
			if (!this.documents.existsBySha256(sha256)) {
				try {
					this.store.delete(sha256);
					deleted.incrementAndGet();
				}
				catch (IOException ex) {
					log.warn("Cannot delete orphan document {}: {}", sha256, ex.toString());
				}
			}
		});
		Path staging = this.properties.storageDir().resolve("staging");
		if (Files.isDirectory(staging)) {
			try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
				for (Path file : files) {
					if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
						Files.deleteIfExists(file);
					}
				}
			}
		}
		this.deletedFiles.increment(deleted.get());
		if (deleted.get() > 0) {
			log.info("Orphan sweep deleted {} stored document(s) without a row", deleted.get());
		}
		return deleted.get();
	}

}
