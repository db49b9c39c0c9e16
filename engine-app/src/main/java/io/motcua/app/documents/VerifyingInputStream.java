package io.motcua.app.documents;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stored content as it is read, hashed on the way: at its end it throws
 * {@link DocumentCorruptedException} when the bytes no longer have the SHA-256 they were
 * stored under. Every {@link DocumentStore} serves content through it, so the disk and
 * the object store are checked alike.
 */
final class VerifyingInputStream extends FilterInputStream {

	private final String expected;

	private boolean checked;

	VerifyingInputStream(InputStream in, String expected) {
		super(new DigestInputStream(in, sha256()));
		this.expected = expected;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b < 0) {
			check();
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n < 0) {
			check();
		}
		return n;
	}

	@Override
	public long skip(long n) throws IOException {
		// Skipping would leave bytes unhashed.
		int read = read(new byte[(int) Math.max(0, Math.min(n, 8192))]);
		return Math.max(read, 0);
	}

	private void check() {
		if (this.checked) {
			return;
		}
		this.checked = true;
		String actual = HexFormat.of().formatHex(((DigestInputStream) this.in).getMessageDigest().digest());
		if (!actual.equals(this.expected)) {
			throw new DocumentCorruptedException(this.expected, actual);
		}
	}

	/** A fresh SHA-256 digest. */
	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
