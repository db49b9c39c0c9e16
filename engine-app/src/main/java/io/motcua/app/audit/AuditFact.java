package io.motcua.app.audit;

import java.time.Instant;

/**
 * What an audit entry records. Texts longer than their columns are cut, as they are
 * stored.
 *
 * @param kind what happened
 * @param at when
 * @param actor who did it (a user name, {@code system}, or the name someone tried to log
 * in with)
 * @param subject what it is about: a dossier code, a user name; may be null
 * @param detail what changed, in words; may be null
 * @param source the row the entry stands for, hashed by its owner; null for a fact
 * without a row of its own
 */
public record AuditFact(AuditKind kind, Instant at, String actor, String subject, String detail, AuditedRow source) {

	public AuditFact {
		if (kind == null || at == null) {
			throw new IllegalArgumentException("An audit fact needs its kind and time");
		}
		at = AuditDigest.stored(at);
		actor = cut((actor != null) ? actor : "?", 100);
		subject = cut(subject, 200);
		detail = cut(detail, 2000);
	}

	private static String cut(String text, int length) {
		return (text != null && text.length() > length) ? text.substring(0, length) : text;
	}

}
