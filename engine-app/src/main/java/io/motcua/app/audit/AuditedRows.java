package io.motcua.app.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Answers for the rows of one table that audit entries stand for: the feature that owns
 * the table hashes each row now, as it did when the entry was written, so verification
 * sees a row edited or deleted behind the application's back.
 */
public interface AuditedRows {

	/** The table, as {@link AuditedRow#table()} names it. */
	String table();

	/**
	 * The {@link AuditDigest} of each row's content now, by id; a row that is no longer
	 * there is absent.
	 */
	Map<Long, String> hashes(Collection<Long> ids);

}
