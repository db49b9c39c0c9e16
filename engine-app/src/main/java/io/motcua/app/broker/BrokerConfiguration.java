package io.motcua.app.broker;

import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.RoutingTarget;
import org.springframework.util.Assert;

import io.motcua.app.dossier.BusinessEvent;
import io.motcua.app.outbound.CloudEventFormat;
import io.motcua.app.outbound.EventType;
import io.motcua.app.outbound.OutboundEvents;

/**
 * Sends every business event to the broker, when one is configured. Spring Modulith's
 * AMQP externalizer does the sending: it listens to every event after commit, from the
 * event publication registry, and leaves the event's publication incomplete (to be
 * retried) when the send fails. Here it is told which events go ({@link BusinessEvent}),
 * as what (the {@link io.motcua.app.outbound.FeedEvent} every channel carries), where
 * (the exchange, with the CloudEvents type as routing key) and how a message is written
 * and confirmed ({@link CloudEventSender}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("motcua.broker.enabled")
class BrokerConfiguration {

	/** Declared on the broker by Spring AMQP's admin whenever it connects. */
	@Bean
	TopicExchange motcuaEventsExchange(BrokerProperties properties) {
		return ExchangeBuilder.topicExchange(properties.exchange()).durable(true).build();
	}

	/**
	 * Which events go, as what and where. Spring Modulith asks for it while the context
	 * is still being set up (for its event listener factory), before beans can be
	 * injected: the settings and the mapper are looked up when the first event goes.
	 */
	@Bean
	static EventExternalizationConfiguration businessEventsToBroker(ObjectProvider<BrokerProperties> properties,
			ObjectProvider<OutboundEvents> events) {
		return EventExternalizationConfiguration.externalizing()
			.selectByType(BusinessEvent.class)
			.mapping(BusinessEvent.class, (event) -> events.getObject().of(event))
			.route(BusinessEvent.class,
					(event) -> RoutingTarget.forTarget(properties.getObject().exchange())
						.andKey(EventType.of(event).type()))
			.build();
	}

	/**
	 * The messaging template the externalizer sends through (Spring Boot's own backs
	 * off): it writes each event as a CloudEvent and waits for the broker's confirm.
	 */
	@Bean
	CloudEventSender cloudEventSender(RabbitTemplate template, CloudEventFormat format, BrokerProperties properties) {
		Assert.state(template.getConnectionFactory().isSimplePublisherConfirms(),
				"The broker's sends wait for its confirms: set spring.rabbitmq.publisher-confirm-type=simple");
		return new CloudEventSender(template, format, properties.confirmTimeout());
	}

}
