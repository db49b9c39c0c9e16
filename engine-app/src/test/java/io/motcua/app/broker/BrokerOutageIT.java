package io.motcua.app.broker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import io.motcua.app.ApplicationIT;
import io.motcua.app.EmbeddedAmqpBroker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A send to a broker that cannot be reached fails for real: the event stays in the event
 * publication registry, its failure is recorded for administrators, and once the broker
 * is back a retry sends it. Runs on an embedded broker whatever the machine has, since it
 * starts the broker itself, late.
 */
@ContextConfiguration(initializers = BrokerOutageIT.BrokerNotStartedYet.class)
// Only the retry this test asks for runs: no scheduled retry sends the same event twice
@TestPropertySource(properties = "motcua.reactions.retry-interval=PT1H")
class BrokerOutageIT extends ApplicationIT {

	private static final String EXTERNALIZER = "%EventExternalizer.externalize%";

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final int PORT = EmbeddedAmqpBroker.freePort();

	@Autowired
	AmqpAdmin admin;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	BrokerProperties broker;

	@Test
	void anEventTheBrokerCouldNotTakeIsKeptAndGoesOutWhenItIsRetriedAfterTheBrokerIsBack() throws Exception {
		String code = receiveDossier("clerk");
		Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			assertThat(pending(code, "not like")).as("the other reactions have run").isZero();
			assertThat(pending(code, "like")).as("the sends to the broker wait").isPositive();
			assertThat(this.jdbc.queryForObject(
					"select count(*) from reaction_failure where dossier_code = ? and listener_id like ?",
					Integer.class, code, EXTERNALIZER))
				.as("each failed and was recorded")
				.isEqualTo(pending(code, "like"));
		});
		assertThat(this.jdbc.queryForList(
				"select last_error from reaction_failure where dossier_code = ? and listener_id like ?", String.class,
				code, EXTERNALIZER))
			.allSatisfy((error) -> assertThat(error).contains("Connection refused"));

		try (EmbeddedAmqpBroker started = EmbeddedAmqpBroker.start(PORT)) {
			String queue = "motcua.it." + UUID.randomUUID();
			this.admin.declareQueue(new Queue(queue, false, false, false));
			this.admin.declareBinding(BindingBuilder.bind(new Queue(queue))
				.to(new TopicExchange(this.broker.exchange()))
				.with("vn.motcua.dossier.#"));
			List<String> waiting = this.jdbc.queryForList(
					"select cast(id as varchar(36)) from event_publication where serialized_event like ?"
							+ " and listener_id like ?",
					String.class, "%\"dossierCode\":\"" + code + "\"%", EXTERNALIZER);
			for (String id : waiting) {
				assertThat(as("admin").post("/api/v1/admin/reactions/" + id + "/retry", Map.of()).status())
					.isEqualTo(202);
			}
			awaitReactions(code);

			List<Long> sequences = new ArrayList<>();
			for (int i = 0; i < waiting.size(); i++) {
				Message message = this.rabbit.receive(queue, 10_000);
				assertThat(message).as("message %d of %d", i + 1, waiting.size()).isNotNull();
				JsonNode event = JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
				assertThat(event.path("subject").asText()).isEqualTo(code);
				assertThat(message.getMessageProperties().getMessageId()).isEqualTo(event.path("id").asText());
				sequences.add(event.path("dossiersequence").asLong());
			}
			assertThat(this.rabbit.receive(queue)).as("each once").isNull();
			assertThat(sequences).as("every event of the dossier so far")
				.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, waiting.size()).boxed().toList());
		}
	}

	/**
	 * The dossier's reactions still to run, the sends to the broker ({@code like}) or
	 * others.
	 */
	private int pending(String code, String like) {
		return this.jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?"
				+ " and listener_id " + like + " ?", Integer.class, "%\"dossierCode\":\"" + code + "\"%", EXTERNALIZER);
	}

	/** The broker on, pointing at a port where none listens yet. */
	static class BrokerNotStartedYet implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("broker-not-started-yet",
						Map.of("motcua.broker.enabled", "true", "motcua.broker.exchange",
								"motcua.events.it." + UUID.randomUUID(), "spring.rabbitmq.host", "127.0.0.1",
								"spring.rabbitmq.port", PORT, "spring.rabbitmq.username", EmbeddedAmqpBroker.USER,
								"spring.rabbitmq.password", EmbeddedAmqpBroker.PASSWORD)));
		}

	}

}
