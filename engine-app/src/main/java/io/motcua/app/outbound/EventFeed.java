package io.motcua.app.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.motcua.app.dossier.BusinessEvent;

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

	private final OutboundEvents events;

	private final Clock clock;

	EventFeed(JdbcClient jdbc, DestinationRepository destinations, Deliveries deliveries, OutboundEvents events,
			Clock clock) {
		this.jdbc = jdbc;
		this.destinations = destinations;
		this.deliveries = deliveries;
		this.events = events;
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
		FeedEvent feedEvent = this.events.of(event);
		EventType type = feedEvent.type();
		String unit = feedEvent.unitCode();
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

}
