package io.motcua.app.documents;

import java.io.IOException;

/**
 * The document store does not answer, or answers that it cannot serve now (object storage
 * unreachable, timed out, or failing with a 5xx): nothing is wrong with the request,
 * which may be tried again. The API answers 503 with Retry-After.
 */
class DocumentStoreUnavailableException extends IOException {

	DocumentStoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
