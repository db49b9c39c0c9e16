package io.motcua.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Switches the broker on for an integration test and points it at an AMQP broker: the
 * RabbitMQ on 127.0.0.1:5672 (guest/guest) when one answers within a second, otherwise an
 * {@link EmbeddedAmqpBroker} owned by the Spring context.
 * {@code -Dmotcua.test.broker=embedded} takes the embedded one on a machine that has
 * RabbitMQ. Each context sends to an exchange of its own, so that what earlier runs left
 * on a shared RabbitMQ does not matter; {@code motcua.test.broker-kind} says which broker
 * was taken.
 */
public class AmqpTestBroker implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** The system property whose value {@code embedded} forces the embedded broker. */
	public static final String CHOICE = "motcua.test.broker";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("motcua.broker.enabled", "true");
		properties.put("motcua.broker.exchange", "motcua.events.it." + UUID.randomUUID());
		properties.put("spring.rabbitmq.host", "127.0.0.1");
		if (localServerAnswers()) {
			properties.put("spring.rabbitmq.port", 5672);
			properties.put("spring.rabbitmq.username", "guest");
			properties.put("spring.rabbitmq.password", "guest");
			properties.put("motcua.test.broker-kind", "rabbitmq");
		}
		else {
			EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.start(EmbeddedAmqpBroker.freePort());
			own(context, broker);
			properties.put("spring.rabbitmq.port", broker.port());
			properties.put("spring.rabbitmq.username", EmbeddedAmqpBroker.USER);
			properties.put("spring.rabbitmq.password", EmbeddedAmqpBroker.PASSWORD);
			properties.put("motcua.test.broker-kind", "embedded");
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("amqp-test-broker", properties));
	}

	/**
	 * The context stops the broker when it closes (after the application's own beans).
	 */
	static void own(ConfigurableApplicationContext context, EmbeddedAmqpBroker broker) {
		context.getBeanFactory().registerSingleton("embeddedAmqpBroker", broker);
		((DefaultListableBeanFactory) context.getBeanFactory()).registerDisposableBean("embeddedAmqpBroker",
				broker::close);
	}

	static boolean localServerAnswers() {
		if ("embedded".equals(System.getProperty(CHOICE))) {
			return false;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 5672), 1000);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
