package io.motcua.app.outbound;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Destinations that configuration makes rather than administrators: the national
 * public-service portal, whose one row ({@value #NATIONAL_PORTAL}) follows the portal's
 * settings at every start. Its delivery log is the one of any destination
 * ({@link Webhooks#deliveries}).
 */
@Service
public class Destinations {

	/** The id of the national portal's destination. */
	public static final String NATIONAL_PORTAL = "national-portal";

	private static final Logger log = LoggerFactory.getLogger(Destinations.class);

	private final DestinationRepository destinations;

	private final Deliveries deliveries;

	private final Clock clock;

	Destinations(DestinationRepository destinations, Deliveries deliveries, Clock clock) {
		this.destinations = destinations;
		this.deliveries = deliveries;
		this.clock = clock;
	}

	/**
	 * Makes the national portal a destination of these events about dossiers of every
	 * unit, at this URL: creates its row, or points it there and switches it on. Events
	 * recorded from now on are queued for it; a row that already says so is left alone.
	 * @param url where the portal takes status changes
	 * @param types the types it receives (not empty)
	 */
	@Transactional
	public void ensurePortal(String url, Set<EventType> types) {
		if (types.isEmpty()) {
			throw new IllegalArgumentException("The portal receives named event types, not every type");
		}
		Optional<Destination> existing = this.destinations.findById(NATIONAL_PORTAL);
		if (existing.isEmpty()) {
			this.destinations.save(new Destination(NATIONAL_PORTAL, DestinationKind.PORTAL, url, null, types, null,
					"Cổng Dịch vụ công quốc gia: đồng bộ trạng thái hồ sơ / national public-service portal status sync",
					"system", this.clock.instant()));
			log.info("The national portal receives {} at {}", types, url);
			return;
		}
		Destination portal = existing.get();
		if (portal.kind() != DestinationKind.PORTAL) {
			throw new IllegalStateException("Destination " + NATIONAL_PORTAL + " is a " + portal.kind());
		}
		if (!portal.isActive() || !portal.url().equals(url) || !Set.copyOf(portal.eventTypes()).equals(types)) {
			portal.reconfigure(url, types);
			log.info("The national portal receives {} at {} from now on", types, url);
		}
	}

	/** Whether the national portal was ever configured (its row exists, on or off). */
	@Transactional(readOnly = true)
	public boolean portalKnown() {
		return this.destinations.existsById(NATIONAL_PORTAL);
	}

	/**
	 * Stops telling the national portal anything: its row is switched off, and the
	 * deliveries that waited for it are given up (dead, to be redelivered once it is on
	 * again). Nothing happens when it is off already or was never on.
	 */
	@Transactional
	public void switchOffPortal() {
		this.destinations.findById(NATIONAL_PORTAL).filter(Destination::isActive).ifPresent((portal) -> {
			portal.switchOff();
			this.deliveries.abandon(NATIONAL_PORTAL,
					"Đã tắt kết nối Cổng Dịch vụ công quốc gia / the national portal was switched off in configuration");
			log.warn(
					"The national portal is switched off: what waited for it is parked as dead;"
							+ " redeliver it with POST /api/v1/admin/destinations/{}/redelivery once it is on again",
					NATIONAL_PORTAL);
		});
	}

}
