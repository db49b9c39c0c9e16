package io.motcua.app.broker;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ContextConfiguration;

import io.motcua.app.AmqpTestBroker;
import io.motcua.app.ApplicationIT;
import io.motcua.app.outbound.CloudEventFormat;
import io.motcua.app.outbound.EventType;
import io.motcua.app.outbound.FeedEvent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a broker configured, every business event of a dossier reaches the exchange once,
 * as the very CloudEvent a webhook receives, routed by its type: a queue bound to
 * {@code vn.motcua.dossier.#} receives them all.
 */
@ContextConfiguration(initializers = AmqpTestBroker.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerIT extends ApplicationIT {

	private static final Logger log = LoggerFactory.getLogger(BrokerIT.class);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final String queue = "motcua.it." + UUID.randomUUID();

	@Autowired
	AmqpAdmin admin;

	@Autowired
	RabbitTemplate rabbit;

	@Autowired
	BrokerProperties broker;

	@Autowired
	CloudEventFormat format;

	@Value("${motcua.test.broker-kind}")
	String brokerKind;

	@BeforeAll
	void bindQueue() {
		log.info("Broker under test: {}, exchange {}", this.brokerKind, this.broker.exchange());
		this.admin.declareQueue(new Queue(this.queue, false, false, false));
		// The application declared the exchange when it connected: binding to it finds it
		this.admin.declareBinding(BindingBuilder.bind(new Queue(this.queue))
			.to(new TopicExchange(this.broker.exchange()))
			.with("vn.motcua.dossier.#"));
	}

	@AfterAll
	void removeQueueAndExchange() {
		this.admin.deleteQueue(this.queue);
		this.admin.deleteExchange(this.broker.exchange());
	}

	@Test
	void everyEventOfADossierReachesTheExchangeOnceAsTheCloudEventAWebhookReceives() throws Exception {
		String code = receiveDossier("clerk");
		walkToResultReady(code);
		// Every reaction has run, the sends to the broker included: each was confirmed
		awaitReactions(code);

		Map<Long, FeedEvent> outbox = outbox(code);
		assertThat(outbox).as("the dossier's events").hasSizeGreaterThanOrEqualTo(5);
		List<Message> messages = new ArrayList<>();
		for (int i = 0; i < outbox.size(); i++) {
			Message message = this.rabbit.receive(this.queue, 10_000);
			assertThat(message).as("message %d of %d", i + 1, outbox.size()).isNotNull();
			messages.add(message);
		}
		assertThat(this.rabbit.receive(this.queue)).as("no message twice, none about anything else").isNull();

		List<Long> sequences = new ArrayList<>();
		List<String> ids = new ArrayList<>();
		for (Message message : messages) {
			MessageProperties properties = message.getMessageProperties();
			String body = new String(message.getBody(), StandardCharsets.UTF_8);
			JsonNode event = JSON.readTree(body);
			assertThat(event.path("specversion").asText()).isEqualTo("1.0");
			assertThat(event.path("subject").asText()).isEqualTo(code);
			long sequence = event.path("dossiersequence").asLong();
			sequences.add(sequence);
			ids.add(properties.getMessageId());
			FeedEvent written = outbox.get(sequence);
			assertThat(written).as("event %d in the outbox", sequence).isNotNull();
			assertThat(body).as("the webhook's body").isEqualTo(this.format.json(written));
			assertThat(properties.getReceivedRoutingKey()).isEqualTo(event.path("type").asText());
			assertThat(properties.getMessageId()).isEqualTo(event.path("id").asText());
			assertThat(properties.getContentType()).isEqualTo("application/cloudevents+json");
			assertThat(properties.getType()).isEqualTo(event.path("type").asText());
			assertThat(properties.getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
			assertThat(properties.getReceivedExchange()).isEqualTo(this.broker.exchange());
		}
		assertThat(ids).doesNotHaveDuplicates();
		assertThat(sequences).as("each of the dossier's events once")
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, outbox.size()).boxed().toList());

		JsonNode received = JSON.readTree(body(messages, 1));
		assertThat(received.path("type").asText()).isEqualTo(EventType.RECEIVED.type());
		assertThat(received.path("unit").asText()).isEqualTo("TRANBIEN");
		assertThat(received.path("data").path("procedureCode").asText()).isEqualTo(PROCEDURE);
		assertThat(received.path("data").path("dossierCode").asText()).isEqualTo(code);
		assertThat(messages).extracting((message) -> message.getMessageProperties().getReceivedRoutingKey())
			.contains(EventType.STATUS_CHANGED.type(), EventType.STEP_COMPLETED.type(), EventType.RESULT_READY.type());
	}

	/** The dossier's events as the outbox wrote them for webhooks, by number. */
	private Map<Long, FeedEvent> outbox(String code) {
		Map<Long, FeedEvent> events = new HashMap<>();
		this.jdbc.query("select id, type, dossier_code, sequence, unit_code, occurred_at, data from outbound_event"
				+ " where dossier_code = ?", (rs) -> {
					events.put(rs.getLong(4),
							new FeedEvent(rs.getString(1), EventType.valueOf(rs.getString(2)), rs.getString(3),
									rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7)));
				}, code);
		return events;
	}

	private static String body(List<Message> messages, long sequence) throws Exception {
		for (Message message : messages) {
			String body = new String(message.getBody(), StandardCharsets.UTF_8);
			if (JSON.readTree(body).path("dossiersequence").asLong() == sequence) {
				return body;
			}
		}
		throw new AssertionError("No event " + sequence);
	}

}
