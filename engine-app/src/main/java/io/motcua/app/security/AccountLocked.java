package io.motcua.app.security;

import java.time.Instant;

/**
 * An account (a user name, whether anybody has it or not) is locked after too many failed
 * logins: until {@code until} no password is checked for it.
 *
 * @param username the user name
 * @param at when
 * @param until when the lock ends, unless an administrator ends it sooner
 */
public record AccountLocked(String username, Instant at, Instant until) {
}
