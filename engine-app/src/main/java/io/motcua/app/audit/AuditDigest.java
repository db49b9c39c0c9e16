package io.motcua.app.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * The one canonical SHA-256 of the audit trail, over a list of values: each value is
 * written with its length before it, so no two lists give the same text, and a null
 * differs from an empty text. Instants count to the microsecond, as the database keeps
 * them; a row hashed before it is stored hashes the same when read back.
 */
public final class AuditDigest {

	/** The "previous hash" of a chain's first entry. */
	public static final String GENESIS = "0".repeat(64);

	private AuditDigest() {
	}

	/**
	 * SHA-256 in lower-case hex over {@code values}: texts, numbers, enums (by name),
	 * instants, or null.
	 */
	public static String of(Object... values) {
		StringBuilder text = new StringBuilder();
		for (Object value : values) {
			if (value == null) {
				text.append("-;");
				continue;
			}
			String written;
			if (value instanceof Instant instant) {
				written = stored(instant).toString();
			}
			else if (value instanceof Enum<?> constant) {
				written = constant.name();
			}
			else {
				written = value.toString();
			}
			text.append(written.length()).append(':').append(written).append(';');
		}
		return DigestUtils.sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * An instant as a {@code timestamp(6)} column keeps it: rows whose content is hashed
	 * store their instants this way, so that what is read back hashes the same.
	 */
	public static Instant stored(Instant instant) {
		return (instant != null) ? instant.truncatedTo(ChronoUnit.MICROS) : null;
	}

}
