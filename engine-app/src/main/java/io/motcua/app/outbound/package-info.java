/**
 * Outbound events: every {@link io.motcua.app.dossier.BusinessEvent} written to the
 * outbox after commit (from the event publication registry, so none is lost to a crash),
 * numbered per dossier, and delivered from there to each destination at least once and in
 * order per dossier: webhook subscriptions that administrators make (CloudEvents 1.0
 * JSON, signed as Standard Webhooks do) and other channels that plug in a
 * {@link DeliveryChannel} (the national portal). It owns the outbox, the destinations and
 * the delivery log.
 */
package io.motcua.app.outbound;
