package io.motcua.app.security;

import java.time.Instant;

/**
 * An administrator ended the lock of an account and forgot its failed logins.
 *
 * @param username the account
 * @param unlockedBy the administrator
 * @param at when
 */
public record AccountUnlocked(String username, String unlockedBy, Instant at) {
}
