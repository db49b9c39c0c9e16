package io.motcua.app.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;

import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.core.RabbitMessagingTemplate;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.messaging.Message;

import io.motcua.app.outbound.CloudEventFormat;
import io.motcua.app.outbound.FeedEvent;

/**
 * Writes an event as the broker's message and sends it, waiting for the broker to confirm
 * it. Spring Modulith's AMQP externalizer hands it each mapped event; the send returns
 * only once the broker has taken the message, and throws when the broker cannot be
 * reached, refuses the message or does not confirm it in time, so the externalizer leaves
 * the event to be retried. (Without the wait, a send to a broker that then fails would
 * count as done.)
 * <p>
 * The message: the body is the CloudEvent in its structured JSON form, the very bytes a
 * webhook receives; {@code content-type} {@code application/cloudevents+json};
 * {@code message-id} the CloudEvent's id (stable across redeliveries); {@code type} its
 * CloudEvents type; {@code timestamp} when it happened; persistent. Anything else is sent
 * as Spring AMQP would.
 */
class CloudEventSender extends RabbitMessagingTemplate {

	private final CloudEventFormat format;

	private final Duration confirmTimeout;

	CloudEventSender(RabbitTemplate template, CloudEventFormat format, Duration confirmTimeout) {
		super(template);
		this.format = format;
		this.confirmTimeout = confirmTimeout;
	}

	@Override
	protected void doSend(String exchange, String routingKey, Message<?> message) {
		if (!(message.getPayload() instanceof FeedEvent event)) {
			super.doSend(exchange, routingKey, message);
			return;
		}
		org.springframework.amqp.core.Message amqpMessage = amqpMessage(event);
		try {
			getRabbitTemplate().invoke((operations) -> {
				operations.send(exchange, routingKey, amqpMessage);
				operations.waitForConfirmsOrDie(this.confirmTimeout.toMillis());
				return null;
			});
		}
		catch (RuntimeException ex) {
			throw convertAmqpException(ex);
		}
	}

	org.springframework.amqp.core.Message amqpMessage(FeedEvent event) {
		return MessageBuilder.withBody(this.format.json(event).getBytes(StandardCharsets.UTF_8))
			.setContentType(CloudEventFormat.CONTENT_TYPE)
			.setMessageId(event.id())
			.setType(event.type().type())
			.setTimestamp(Date.from(event.occurredAt()))
			.setDeliveryMode(MessageDeliveryMode.PERSISTENT)
			.build();
	}

}
