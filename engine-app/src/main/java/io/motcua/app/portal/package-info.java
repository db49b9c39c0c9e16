/**
 * The national public-service portal's status sync: every status change of every dossier
 * pushed to the portal in order per dossier, with the one-stop standard's status code (a
 * configurable mapping), the processing unit's official identifier and the event's id for
 * the portal to drop duplicates. It owns the portal's settings, its credential (an API
 * key or OAuth2 client credentials) and the channel the outbox delivers through; the
 * queue, the retries and the delivery log are the outbox's ({@code national-portal} among
 * its destinations).
 */
package io.motcua.app.portal;
