package io.motcua.app.documents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files that passed every check, staged on local disk until they are attached to a
 * dossier. Close it (try-with-resources) to remove the staged copies.
 */
public final class CheckedFiles implements AutoCloseable {

	private final List<Staged> files;

	CheckedFiles(List<Staged> files) {
		this.files = List.copyOf(files);
	}

	List<Staged> files() {
		return this.files;
	}

	/** How many files. */
	public int size() {
		return this.files.size();
	}

	@Override
	public void close() {
		for (Staged file : this.files) {
			try {
				Files.deleteIfExists(file.path());
			}
			catch (IOException ex) {
				// The sweep removes staged files it finds later.
			}
		}
	}

	/**
	 * One checked file.
	 *
	 * @param documentType document type code
	 * @param fileName sanitised original name
	 * @param path staged copy
	 * @param size size in bytes
	 * @param mediaType detected media type
	 * @param text extracted text, may be empty
	 */
	record Staged(String documentType, String fileName, Path path, long size, String mediaType, String text) {
	}

}
