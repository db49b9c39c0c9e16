package io.motcua.app.audit;

/**
 * The row an audit entry stands for, as its owner hashed it when it was written
 * ({@link AuditedRows}).
 *
 * @param table the row's table
 * @param id its id
 * @param hash {@link AuditDigest} of its content
 */
public record AuditedRow(String table, long id, String hash) {
}
