package io.motcua.app.documents;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Where the bytes of documents live, addressed by their SHA-256 hash (lower-case hex).
 * Writing the same content twice stores it once. The default implementation is the local
 * filesystem; an object-storage implementation can replace it without touching callers.
 */
public interface DocumentStore {

	/**
	 * Stores content durably: once this returns, the content survives a crash.
	 * @param content the bytes; read to the end, not closed
	 * @return the hash and size of what was stored
	 * @throws IOException when the content cannot be read or written
	 */
	StoredContent put(InputStream content) throws IOException;

	/**
	 * Opens stored content. The stream checks the hash as it is read and throws
	 * {@link DocumentCorruptedException} at its end when the bytes do not match.
	 * @throws java.nio.file.NoSuchFileException when nothing is stored under the hash
	 * @throws IOException when the store cannot be read
	 */
	InputStream get(String sha256) throws IOException;

	/** Whether content with this hash is stored. */
	boolean exists(String sha256) throws IOException;

	/** Removes content; nothing happens when it is absent. */
	void delete(String sha256) throws IOException;

	/**
	 * Calls {@code action} with the hash of every content stored before {@code cutoff}
	 * (written or last stored again), for the orphan sweep.
	 */
	void forEachOlderThan(Instant cutoff, Consumer<String> action) throws IOException;

	/**
	 * What was stored.
	 *
	 * @param sha256 lower-case hex SHA-256 of the content
	 * @param size size in bytes
	 */
	record StoredContent(String sha256, long size) {
	}

}
