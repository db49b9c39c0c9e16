package io.motcua.app.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.EventExternalizationConfiguration;
import org.springframework.modulith.events.support.DelegatingEventExternalizer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without a broker switched on (the default) the application sends no event to any
 * broker, never connects to one, and is healthy: here {@code spring.rabbitmq.*} points at
 * a socket that listens and would see any connection.
 */
class BrokerOffIT extends ApplicationIT {

	private static final ServerSocketChannel trap = listen();

	@Autowired
	ApplicationContext context;

	@DynamicPropertySource
	static void pointTheBrokerSettingsAtTheTrap(DynamicPropertyRegistry registry) {
		registry.add("spring.rabbitmq.host", () -> "127.0.0.1");
		registry.add("spring.rabbitmq.port", BrokerOffIT::trapPort);
	}

	@AfterAll
	static void closeTrap() throws IOException {
		trap.close();
	}

	@Test
	void withoutABrokerNoEventGoesToOneNoneIsConnectedToAndTheApplicationIsHealthy() throws IOException {
		String code = receiveDossier("clerk");
		awaitReactions(code);
		assertThat(this.jdbc.queryForObject("select count(*) from outbound_event where dossier_code = ?", Integer.class,
				code))
			.as("the outbox has the event")
			.isPositive();

		Api.Reply health = anonymous().get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.text("status")).isEqualTo("UP");

		assertThat(this.context.getBeansOfType(EventExternalizationConfiguration.class)).isEmpty();
		assertThat(this.context.getBeansOfType(DelegatingEventExternalizer.class)).isEmpty();
		assertThat(this.context.containsBean("rabbitHealthIndicator")).isFalse();
		assertThat(trap.accept()).as("a connection to the broker's address").isNull();
	}

	private static int trapPort() {
		try {
			return ((InetSocketAddress) trap.getLocalAddress()).getPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ServerSocketChannel listen() {
		try {
			ServerSocketChannel channel = ServerSocketChannel.open();
			channel.bind(new InetSocketAddress("127.0.0.1", 0));
			channel.configureBlocking(false);
			return channel;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
