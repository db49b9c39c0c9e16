package io.motcua.app.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.motcua.app.dossier.BusinessEvent;
import io.motcua.app.dossier.DossierService;

/**
 * Writes each business event into the outbox once its command has committed, and queues
 * it for every destination that wants it. Runs from the event publication registry: an
 * event whose writing failed or was cut short by a crash is written on the registry's
 * retry, and writing it twice changes nothing (its id is derived from the dossier and its
 * number).
 */
@Component
class EventFeed {

	private final JdbcClient jdbc;

	private final DestinationRepository destinations;

	private final Deliveries deliveries;

	private final DossierService dossiers;

	private final ObjectMapper objectMapper;

	private final Clock clock;

	EventFeed(JdbcClient jdbc, DestinationRepository destinations, Deliveries deliveries, DossierService dossiers,
			ObjectMapper objectMapper, Clock clock) {
		this.jdbc = jdbc;
		this.destinations = destinations;
		this.deliveries = deliveries;
		this.dossiers = dossiers;
		this.objectMapper = objectMapper;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(BusinessEvent event) {
		String id = FeedEvent.idOf(event.dossierCode(), event.sequence());
		boolean written = this.jdbc.sql("select count(*) from outbound_event where id = ?")
			.param(id)
			.query(Long.class)
			.single() > 0;
		if (written) {
			return;
		}
		EventType type = EventType.of(event);
		String unit = this.dossiers.facts(event.dossierCode()).processingUnit();
		FeedEvent feedEvent = new FeedEvent(id, type, event.dossierCode(), event.sequence(), unit, event.at(),
				data(event));
		this.jdbc
			.sql("insert into outbound_event (id, dossier_code, sequence, type, unit_code, occurred_at, recorded_at,"
					+ " data) values (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, feedEvent.dossierCode(), feedEvent.sequence(), type.name(), unit,
					Timestamp.from(feedEvent.occurredAt()), Timestamp.from(this.clock.instant()), feedEvent.data())
			.update();
		List<Destination> wanting = this.destinations.findByActiveTrue()
			.stream()
			.filter((destination) -> destination.wants(type, unit))
			.toList();
		this.deliveries.enqueue(feedEvent, wanting);
	}

	/** The event's own fields; its number travels as the CloudEvents extension. */
	private String data(BusinessEvent event) {
		ObjectNode data = this.objectMapper.valueToTree(event);
		data.remove("sequence");
		return data.toString();
	}

}
