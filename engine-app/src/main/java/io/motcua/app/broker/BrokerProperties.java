package io.motcua.app.broker;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Whether and where business events go to an AMQP broker. The connection itself is Spring
 * Boot's ({@code spring.rabbitmq.host}, {@code port}, {@code username}, {@code password},
 * {@code virtual-host}, {@code ssl.*}).
 *
 * @param enabled whether events are sent to the broker; off, the application neither
 * connects to a broker nor reports one in its health
 * @param exchange the durable topic exchange the events go to, declared by the
 * application; the routing key is the event's CloudEvents type
 * @param confirmTimeout how long the broker may take to confirm one message before the
 * send counts as failed (and is retried)
 */
@Validated
@ConfigurationProperties("motcua.broker")
public record BrokerProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("motcua.events") @NotBlank String exchange,
		@DefaultValue("PT10S") @NotNull Duration confirmTimeout) {
}
