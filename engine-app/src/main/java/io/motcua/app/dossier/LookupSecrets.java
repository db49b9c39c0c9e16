package io.motcua.app.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The applicant's lookup secret: printed once on the receipt, stored only as a SHA-256
 * hash, and compared in constant time. The alphabet leaves out characters that are
 * confused on paper (0/O, 1/I/L).
 */
final class LookupSecrets {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();

	private static final int LENGTH = 10;

	private static final SecureRandom RANDOM = new SecureRandom();

	private LookupSecrets() {
	}

	static String generate() {
		char[] secret = new char[LENGTH];
		for (int i = 0; i < LENGTH; i++) {
			secret[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return new String(secret);
	}

	static String hash(String secret) {
		return DigestUtils.sha256Hex(secret);
	}

	static boolean matches(String candidate, String storedHash) {
		if (candidate == null || storedHash == null) {
			return false;
		}
		String normalised = candidate.trim().toUpperCase();
		return MessageDigest.isEqual(hash(normalised).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

}
