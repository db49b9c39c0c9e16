package io.motcua.app.documents;

/**
 * Stored content no longer has the hash it was stored under: the disk or the object store
 * changed it. Answered with a 500 problem (the applicant did nothing wrong and retrying
 * will not help); the log names the hash so that operators can restore the file from
 * backup.
 */
public class DocumentCorruptedException extends RuntimeException {

	private final String sha256;

	public DocumentCorruptedException(String sha256, String actual) {
		super("Stored document " + sha256 + " is corrupted: its content now hashes to " + actual);
		this.sha256 = sha256;
	}

	/** The hash the content was stored under. */
	public String sha256() {
		return this.sha256;
	}

}
