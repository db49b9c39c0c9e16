/**
 * The broker: with {@code motcua.broker.enabled}, every
 * {@link io.motcua.app.dossier.BusinessEvent} is also sent to an AMQP exchange (RabbitMQ)
 * by Spring Modulith's event externalization, after its command has committed, from the
 * event publication registry (so a send that fails is retried). Each message is the same
 * CloudEvents 1.0 JSON that webhooks receive, routed by its type. It owns the exchange it
 * declares and the shape of the broker's messages; off by default, when nothing connects
 * to any broker.
 */
package io.motcua.app.broker;
