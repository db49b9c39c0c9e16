package io.motcua.app.security;

import java.time.Instant;

/**
 * What a member of staff may do changed (roles, enabled or disabled, a new password):
 * their web sessions end on every node, and logins remembered for them are not trusted
 * any more.
 *
 * @param username the member of staff
 * @param changedBy the administrator
 * @param at when
 */
public record StaffAccessChanged(String username, String changedBy, Instant at) {
}
