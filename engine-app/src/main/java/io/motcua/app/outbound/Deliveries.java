package io.motcua.app.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.outbound.DeliveryChannel.DeliveryOutcome;
import io.motcua.app.outbound.DeliveryChannel.Target;

/**
 * The delivery queue: one row per event and destination, attempted when due, in order per
 * dossier and destination (an event waits until the dossier's earlier events have reached
 * the outbox and been accepted or given up), at least once. Any node may attempt any
 * delivery: it claims the row for {@code motcua.outbound.lease} first, so two nodes do
 * not send the same event at the same time; a node killed while sending leaves a claim
 * that runs out, and the event is sent again with the same id. Destinations are served
 * side by side, so a slow one holds back only its own events; nothing here runs inside a
 * staff member's request.
 */
@Component
class Deliveries implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Deliveries.class);

	private static final String SELECT_VIEW = "select d.id, d.event_id, e.type, d.dossier_code, d.sequence, d.status,"
			+ " d.attempts, d.last_status, d.last_error, d.last_attempt_at, d.next_attempt_at, d.delivered_at,"
			+ " d.destination_id from outbound_delivery d join outbound_event e on e.id = d.event_id";

	private static final String DELIVERIES_HELP = "Event delivery attempts, by outcome: accepted, failed (to be retried),"
			+ " dead (given up)";

	private final JdbcClient jdbc;

	private final DestinationRepository destinations;

	private final Map<DestinationKind, DeliveryChannel> channels;

	private final OutboundProperties properties;

	private final ThreadPoolTaskExecutor executor;

	private final Clock clock;

	/** Destinations this node is delivering to right now. */
	private final Set<String> busy = ConcurrentHashMap.newKeySet();

	private final Counter accepted;

	private final Counter failed;

	private final Counter dead;

	Deliveries(JdbcClient jdbc, DestinationRepository destinations, List<DeliveryChannel> channels,
			OutboundProperties properties, MeterRegistry meters, Clock clock) {
		this.jdbc = jdbc;
		this.destinations = destinations;
		this.channels = channels.stream().collect(Collectors.toMap(DeliveryChannel::kind, Function.identity()));
		this.properties = properties;
		this.executor = deliveryThreads();
		this.clock = clock;
		this.accepted = Counter.builder("motcua.outbound.deliveries")
			.description(DELIVERIES_HELP)
			.tag("outcome", "accepted")
			.register(meters);
		this.failed = Counter.builder("motcua.outbound.deliveries")
			.description(DELIVERIES_HELP)
			.tag("outcome", "failed")
			.register(meters);
		this.dead = Counter.builder("motcua.outbound.deliveries")
			.description(DELIVERIES_HELP)
			.tag("outcome", "dead")
			.register(meters);
		Gauge.builder("motcua.outbound.backlog", this::backlog)
			.description("Event deliveries waiting for their destination to accept them (not those given up)")
			.register(meters);
	}

	/**
	 * Deliveries have threads of their own, apart from the reactions and the requests: a
	 * destination that answers slowly holds one of these, never a staff member's request.
	 * Not a bean: an {@code Executor} bean would stand in for Spring Boot's own.
	 */
	private static ThreadPoolTaskExecutor deliveryThreads() {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("delivery-");
		executor.setCorePoolSize(4);
		executor.setMaxPoolSize(4);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(15);
		executor.initialize();
		return executor;
	}

	@Override
	public void destroy() {
		this.executor.shutdown();
	}

	/** Queues an event for each destination that wants it. */
	void enqueue(FeedEvent event, List<Destination> to) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (Destination destination : to) {
			this.jdbc.sql(
					"insert into outbound_delivery (destination_id, event_id, dossier_code, sequence, status, attempts,"
							+ " created_at, pending_since, next_attempt_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)")
				.params(destination.id(), event.id(), event.dossierCode(), event.sequence(), now, now, now)
				.update();
		}
	}

	/** Attempts every delivery that is due, destination by destination side by side. */
	@Scheduled(initialDelayString = "${motcua.outbound.poll-interval:PT1S}",
			fixedDelayString = "${motcua.outbound.poll-interval:PT1S}")
	void dispatch() {
		Instant now = this.clock.instant();
		// Each due delivery with its event and how it has fared: one query for the round
		List<Due> due = this.jdbc
			.sql("select d.id, d.destination_id, d.attempts, d.pending_since, e.id, e.type, e.dossier_code, e.sequence,"
					+ " e.unit_code, e.occurred_at, e.data from outbound_delivery d join outbound_event e on e.id = d.event_id"
					+ " where d.status = 'PENDING' and d.next_attempt_at <= ? and (d.claimed_until is null or d.claimed_until < ?)"
					+ " order by d.id fetch first " + this.properties.batchSize() + " rows only")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query((rs, row) -> new Due(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
					new FeedEvent(rs.getString(5), EventType.valueOf(rs.getString(6)), rs.getString(7), rs.getLong(8),
							rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getString(11))))
			.list();
		if (due.isEmpty()) {
			return;
		}
		Map<String, List<Due>> byDestination = new LinkedHashMap<>();
		due.forEach((delivery) -> byDestination.computeIfAbsent(delivery.destinationId(), (id) -> new ArrayList<>())
			.add(delivery));
		byDestination.forEach((destinationId, deliveries) -> {
			// A destination still busy with the last round's events
			// keeps them; the others go on without waiting for it
			if (this.busy.add(destinationId)) {
				try {
					this.executor.execute(() -> {
						try {
							deliverAll(destinationId, deliveries);
						}
						finally {
							this.busy.remove(destinationId);
						}
					});
				}
				catch (RuntimeException ex) {
					this.busy.remove(destinationId);
					throw ex;
				}
			}
		});
	}

	private void deliverAll(String destinationId, List<Due> deliveries) {
		Destination destination = this.destinations.findById(destinationId).orElse(null);
		if (destination == null || !destination.isActive()) {
			return;
		}
		DeliveryChannel channel = this.channels.get(destination.kind());
		if (channel == null) {
			log.warn("No channel delivers to {} destinations; {} deliveries to {} wait", destination.kind(),
					deliveries.size(), destination.url());
			return;
		}
		Target target = new Target(destination.id(), destination.url(), destination.secret());
		for (Due delivery : deliveries) {
			if (inOrder(delivery) && claim(delivery)) {
				MDC.put("dossier", delivery.dossierCode());
				try {
					record(delivery, attempt(channel, target, delivery.event()));
				}
				finally {
					MDC.remove("dossier");
				}
			}
		}
	}

	private DeliveryOutcome attempt(DeliveryChannel channel, Target target, FeedEvent event) {
		try {
			return channel.deliver(target, event);
		}
		catch (RuntimeException ex) {
			return DeliveryOutcome.refused(null, ex.toString());
		}
	}

	/**
	 * Whether the dossier's earlier events are all in the outbox and none of them still
	 * waits for this destination.
	 */
	private boolean inOrder(Due delivery) {
		long earlierInOutbox = this.jdbc
			.sql("select count(*) from outbound_event where dossier_code = ? and sequence < ?")
			.params(delivery.dossierCode(), delivery.sequence())
			.query(Long.class)
			.single();
		if (earlierInOutbox < delivery.sequence() - 1) {
			return false;
		}
		long earlierWaiting = this.jdbc
			.sql("select count(*) from outbound_delivery where destination_id = ? and dossier_code = ?"
					+ " and sequence < ? and status = 'PENDING'")
			.params(delivery.destinationId(), delivery.dossierCode(), delivery.sequence())
			.query(Long.class)
			.single();
		return earlierWaiting == 0;
	}

	/** Takes the delivery for this node, unless another node has it. */
	private boolean claim(Due delivery) {
		Instant now = this.clock.instant();
		return this.jdbc
			.sql("update outbound_delivery set claimed_until = ? where id = ? and status = 'PENDING'"
					+ " and (claimed_until is null or claimed_until < ?)")
			.params(Timestamp.from(now.plus(this.properties.lease())), delivery.id(), Timestamp.from(now))
			.update() == 1;
	}

	private void record(Due delivery, DeliveryOutcome outcome) {
		Instant now = this.clock.instant();
		if (outcome.accepted()) {
			this.jdbc
				.sql("update outbound_delivery set status = 'DELIVERED', attempts = attempts + 1, claimed_until = null,"
						+ " last_attempt_at = ?, last_status = ?, last_error = null, delivered_at = ? where id = ?")
				.params(Timestamp.from(now), outcome.status(), Timestamp.from(now), delivery.id())
				.update();
			this.accepted.increment();
			return;
		}
		int attempts = delivery.attempts() + 1;
		Instant pendingSince = delivery.pendingSince();
		boolean giveUp = !Duration.between(pendingSince, now).minus(this.properties.deadAfter()).isNegative();
		// A destination switched off while this attempt was on its way has given the
		// delivery up already: it stays given up, with the reason it was given
		boolean stillPending = this.jdbc
			.sql("update outbound_delivery set status = ?, attempts = ?, claimed_until = null, last_attempt_at = ?,"
					+ " last_status = ?, last_error = ?, next_attempt_at = ? where id = ? and status = 'PENDING'")
			.params(giveUp ? DeliveryStatus.DEAD.name() : DeliveryStatus.PENDING.name(), attempts, Timestamp.from(now),
					outcome.status(), outcome.error(), Timestamp.from(now.plus(this.properties.backoff(attempts))),
					delivery.id())
			.update() == 1;
		if (!stillPending) {
			return;
		}
		if (giveUp) {
			this.dead.increment();
			log.error(
					"Gave up delivering event {} of dossier {} to destination {} after {} attempts: {}."
							+ " Redeliver it from /admin/webhooks/{} once the receiver is mended",
					delivery.eventId(), delivery.dossierCode(), delivery.destinationId(), attempts, outcome.error(),
					delivery.destinationId());
		}
		else {
			this.failed.increment();
			log.warn("Delivery of event {} to destination {} failed (attempt {}): {}; next attempt in {}",
					delivery.eventId(), delivery.destinationId(), attempts, outcome.error(),
					this.properties.backoff(attempts));
		}
	}

	/** The newest deliveries to a destination, optionally of one status. */
	@Transactional(readOnly = true)
	List<DeliveryView> log(String destinationId, DeliveryStatus status, int limit) {
		return this.jdbc
			.sql(SELECT_VIEW + " where d.destination_id = :destination"
					+ ((status != null) ? " and d.status = :status" : "") + " order by d.id desc fetch first " + limit
					+ " rows only")
			.param("destination", destinationId)
			.params((status != null) ? Map.of("status", status.name()) : Map.of())
			.query(Deliveries::view)
			.list();
	}

	/** The newest deliveries given up, to every destination. */
	@Transactional(readOnly = true)
	List<DeliveryView> dead(int limit) {
		return this.jdbc
			.sql(SELECT_VIEW + " where d.status = 'DEAD' order by d.id desc fetch first " + limit + " rows only")
			.query(Deliveries::view)
			.list();
	}

	/** How many deliveries to a destination stand at each status. */
	@Transactional(readOnly = true)
	Map<DeliveryStatus, Long> counts(String destinationId) {
		Map<DeliveryStatus, Long> counts = new LinkedHashMap<>();
		for (DeliveryStatus status : DeliveryStatus.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) from outbound_delivery where destination_id = ? group by status")
			.param(destinationId)
			.query((rs, row) -> counts.put(DeliveryStatus.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return counts;
	}

	/**
	 * Puts a delivery back in the queue, due now and counted afresh towards giving up.
	 * @return false when the destination has no such delivery, or it is pending already
	 */
	@Transactional
	boolean redeliver(String destinationId, long id) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc.sql("update outbound_delivery set status = 'PENDING', pending_since = ?, next_attempt_at = ?,"
				+ " claimed_until = null, delivered_at = null where id = ? and destination_id = ? and status <> 'PENDING'")
			.params(now, now, id, destinationId)
			.update() == 1;
	}

	/** Where a delivery to a destination stands; empty when it has no such delivery. */
	@Transactional(readOnly = true)
	Optional<DeliveryStatus> status(String destinationId, long id) {
		return this.jdbc.sql("select status from outbound_delivery where id = ? and destination_id = ?")
			.params(id, destinationId)
			.query(String.class)
			.optional()
			.map(DeliveryStatus::valueOf);
	}

	/** Puts every dead delivery of a destination back in the queue; answers how many. */
	@Transactional
	int redeliverDead(String destinationId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		return this.jdbc
			.sql("update outbound_delivery set status = 'PENDING', pending_since = ?, next_attempt_at = ?,"
					+ " claimed_until = null where destination_id = ? and status = 'DEAD'")
			.params(now, now, destinationId)
			.update();
	}

	/** Gives up every pending delivery of a destination that was switched off. */
	@Transactional
	void abandon(String destinationId, String why) {
		this.jdbc
			.sql("update outbound_delivery set status = 'DEAD', last_error = ?, claimed_until = null"
					+ " where destination_id = ? and status = 'PENDING'")
			.params(why, destinationId)
			.update();
	}

	/** Deliveries not yet accepted and not given up, over all destinations. */
	long backlog() {
		return this.jdbc.sql("select count(*) from outbound_delivery where status = 'PENDING'")
			.query(Long.class)
			.single();
	}

	private static DeliveryView view(ResultSet rs, int row) throws SQLException {
		return new DeliveryView(rs.getLong(1), rs.getString(2), EventType.valueOf(rs.getString(3)).type(),
				rs.getString(4), rs.getLong(5), DeliveryStatus.valueOf(rs.getString(6)), rs.getInt(7),
				(Integer) rs.getObject(8, Integer.class), rs.getString(9), instant(rs.getTimestamp(10)),
				instant(rs.getTimestamp(11)), instant(rs.getTimestamp(12)), rs.getString(13));
	}

	private static Instant instant(Timestamp value) {
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * A delivery due now: where to, its event, and how many attempts it has had since
	 * when it has been pending.
	 */
	private record Due(long id, String destinationId, int attempts, Instant pendingSince, FeedEvent event) {

		String eventId() {
			return this.event.id();
		}

		String dossierCode() {
			return this.event.dossierCode();
		}

		long sequence() {
			return this.event.sequence();
		}

	}

}
