package io.motcua.app.security;

import java.time.Instant;

/**
 * A client address is locked after too many failed logins from it, for any account: until
 * {@code until} no password sent from it is checked.
 *
 * @param address the client's address
 * @param at when
 * @param until when the lock ends
 */
public record AddressLocked(String address, Instant at, Instant until) {
}
