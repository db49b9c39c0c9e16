package io.motcua.app.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link DocumentStore}: one file per content under
 * {@code <storage-dir>/<first two hex digits>/<sha256>}. Content is written to a
 * temporary file in the same folder tree, forced to disk and moved into place atomically,
 * so a crash leaves either the whole file or nothing under the hash (and at most a
 * {@code .part} file that the orphan sweep removes).
 */
class FilesystemDocumentStore implements DocumentStore {

	private static final Logger log = LoggerFactory.getLogger(FilesystemDocumentStore.class);

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private static final String PART_SUFFIX = ".part";

	private final Path root;

	private final Clock clock;

	FilesystemDocumentStore(Path root, Clock clock) {
		this.root = root.toAbsolutePath().normalize();
		this.clock = clock;
		try {
			Files.createDirectories(this.root);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create the document store folder " + this.root, ex);
		}
	}

	Path root() {
		return this.root;
	}

	@Override
	public StoredContent put(InputStream content) throws IOException {
		Path temp = this.root.resolve("tmp-" + UUID.randomUUID() + PART_SUFFIX);
		try {
			MessageDigest digest = VerifyingInputStream.sha256();
			long size;
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
					OutputStream out = Channels.newOutputStream(channel)) {
				size = new DigestInputStream(content, digest).transferTo(out);
				out.flush();
				// The bytes must be on disk before the name that promises them.
				channel.force(true);
			}
			String hash = HexFormat.of().formatHex(digest.digest());
			Path target = pathOf(hash);
			Files.createDirectories(target.getParent());
			if (Files.exists(target)) {
				// Same content stored before: keep the existing file, and mark it as
				// recently stored so that the orphan sweep leaves it to the row about to
				// point to it.
				Files.setLastModifiedTime(target, FileTime.from(this.clock.instant()));
				Files.delete(temp);
				return new StoredContent(hash, size);
			}
			// The orphan sweep and the tests count age on the application's clock.
			Files.setLastModifiedTime(temp, FileTime.from(this.clock.instant()));
			move(temp, target);
			forceDirectory(target.getParent());
			return new StoredContent(hash, size);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public InputStream get(String sha256) throws IOException {
		Path path = pathOf(sha256);
		if (!Files.isRegularFile(path)) {
			throw new NoSuchFileException(path.toString(), null, "no document stored under " + sha256);
		}
		return new VerifyingInputStream(Files.newInputStream(path), sha256);
	}

	@Override
	public boolean exists(String sha256) {
		return Files.isRegularFile(pathOf(sha256));
	}

	@Override
	public void delete(String sha256) throws IOException {
		Files.deleteIfExists(pathOf(sha256));
	}

	@Override
	public void forEachOlderThan(Instant cutoff, Consumer<String> action) throws IOException {
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.root)) {
			for (Path entry : entries) {
				String name = entry.getFileName().toString();
				if (name.endsWith(PART_SUFFIX) && isOlder(entry, cutoff)) {
					// Left behind by a crash in the middle of a write.
					Files.deleteIfExists(entry);
				}
				else if (Files.isDirectory(entry) && name.length() == 2) {
					try (DirectoryStream<Path> files = Files.newDirectoryStream(entry)) {
						for (Path file : files) {
							String hash = file.getFileName().toString();
							if (SHA256.matcher(hash).matches() && isOlder(file, cutoff)) {
								action.accept(hash);
							}
						}
					}
				}
			}
		}
	}

	private static boolean isOlder(Path path, Instant cutoff) {
		try {
			return Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
		}
		catch (IOException ex) {
			return false;
		}
	}

	Path pathOf(String sha256) {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
		}
		return this.root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	private static void move(Path temp, Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException ex) {
			// Another thread stored the same content at the same moment: same bytes.
		}
		catch (AtomicMoveNotSupportedException ex) {
			throw new IOException("The document store folder must support atomic moves", ex);
		}
	}

	private static void forceDirectory(Path directory) {
		// Makes the new name durable; not possible on every platform (Windows).
		try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			log.debug("Cannot force directory {} to disk: {}", directory, ex.toString());
		}
	}

}
