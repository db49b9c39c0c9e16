package io.motcua.app.documents;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file an applicant brings, as it arrives (for example a multipart part).
 *
 * @param documentType the procedure's document type code it claims to be
 * @param fileName the name the applicant gave it, may be null; only a hint
 * @param content opens its bytes
 */
public record IncomingFile(String documentType, String fileName, Content content) {

	/** Opens the bytes of an incoming file; may be called once. */
	@FunctionalInterface
	public interface Content {

		InputStream open() throws IOException;

	}

}
