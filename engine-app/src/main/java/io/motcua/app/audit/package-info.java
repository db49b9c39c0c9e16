/**
 * The tamper-evident audit trail: every timeline entry, signature, staff change and
 * failed login is an entry of a chain, each entry carrying the hash of the one before it
 * and of the row it stands for. It owns the chains (table {@code audit_entry}), their
 * verification (on request and nightly) and the record of failed logins. Features that
 * own audited rows append in their own transactions and answer for their rows' hashes
 * ({@link io.motcua.app.audit.AuditedRows}); nothing here reads their tables.
 */
package io.motcua.app.audit;
