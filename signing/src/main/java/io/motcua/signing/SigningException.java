package io.motcua.signing;

/**
 * The one exception of the signing library: signing or preparing a signature failed (bad
 * input, unreadable PDF or key store, unreachable timestamp authority, unobtainable
 * revocation data, signature value that does not match the certificate).
 * <p>
 * Verification does not throw it for bad signatures: those are reported in a
 * {@link VerificationReport}.
 */
public class SigningException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception with a message.
	 * @param message what went wrong, never {@code null}
	 */
	public SigningException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a message and a cause.
	 * @param message what went wrong, never {@code null}
	 * @param cause the underlying failure, may be {@code null}
	 */
	public SigningException(String message, Throwable cause) {
		super(message, cause);
	}

}
