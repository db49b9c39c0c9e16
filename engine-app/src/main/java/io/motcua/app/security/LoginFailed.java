package io.motcua.app.security;

import java.time.Instant;

/**
 * A login failed: a wrong password, or a user name nobody has (HTTP Basic or the login
 * form alike). The user name is the one typed.
 *
 * @param username the user name tried
 * @param address the client's address (as the proxy forwarded it), null when unknown
 * @param at when
 */
public record LoginFailed(String username, String address, Instant at) {
}
