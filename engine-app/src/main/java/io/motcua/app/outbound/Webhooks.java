package io.motcua.app.outbound;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * Webhook subscriptions, made by administrators: a URL that receives the events of the
 * types it names about dossiers of the administrator's units, signed with a secret shown
 * once when the subscription is made; and the delivery log of every destination, with
 * redelivery on demand.
 */
@Service
public class Webhooks {

	private static final Logger log = LoggerFactory.getLogger(Webhooks.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DestinationRepository destinations;

	private final Deliveries deliveries;

	private final StaffDirectory directory;

	private final Clock clock;

	Webhooks(DestinationRepository destinations, Deliveries deliveries, StaffDirectory directory, Clock clock) {
		this.destinations = destinations;
		this.deliveries = deliveries;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Subscribes a URL. Check the URL, the types and the units → store it with a new
	 * secret; events recorded from now on reach it.
	 * @param eventTypes CloudEvents types, empty for all
	 * @param units unit codes among the caller's, empty for all of the caller's
	 * @throws ProblemException 422 naming each field that breaks a rule
	 */
	@Transactional
	public SubscriptionCreated subscribe(String url, List<String> eventTypes, List<String> units, String description) {
		Caller caller = this.directory.currentCaller();
		List<FieldError> errors = new ArrayList<>();
		checkUrl(url, errors);
		Set<EventType> types = new LinkedHashSet<>();
		for (String name : (eventTypes != null) ? eventTypes : List.<String>of()) {
			EventType.named(name)
				.ifPresentOrElse(types::add, () -> errors.add(new FieldError("eventTypes",
						"không có loại sự kiện '" + name + "' (xem /api/v1/event-types) / unknown event type")));
		}
		Set<String> scope = new LinkedHashSet<>();
		for (String unit : (units != null) ? units : List.<String>of()) {
			if (caller.sees(unit)) {
				scope.add(unit);
			}
			else {
				errors.add(
						new FieldError("units", "không có đơn vị '" + unit + "' trong phạm vi của bạn / unknown unit"));
			}
		}
		// A machine client subscribes only to the types it was allowed,
		// all of them when it names none
		this.directory.currentClient().ifPresent((client) -> {
			if (types.isEmpty() && !client.eventTypes().isEmpty()) {
				client.eventTypes().forEach((name) -> EventType.named(name).ifPresent(types::add));
			}
			types.stream()
				.filter((type) -> !client.allows(type.type()))
				.forEach((type) -> errors.add(new FieldError("eventTypes",
						"máy khách không được nhận loại '" + type.type() + "' / not allowed for this client")));
		});
		if (description != null && description.length() > 500) {
			errors.add(new FieldError("description", "tối đa 500 ký tự / at most 500 characters"));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("Đăng ký webhook không hợp lệ / The subscription breaks a rule", errors);
		}
		String secret = newSecret();
		Destination destination = new Destination(UUID.randomUUID().toString(), DestinationKind.WEBHOOK, url.strip(),
				secret, types, scope.isEmpty() ? caller.visibleUnits() : scope, description, caller.username(),
				this.clock.instant());
		this.destinations.save(destination);
		log.info("Webhook {} subscribed by {} to {} for units {}", destination.id(), caller.username(),
				types.isEmpty() ? "every event type" : types, destination.units());
		return new SubscriptionCreated(view(destination), secret);
	}

	/** The webhook subscriptions, newest first, with their delivery counts. */
	@Transactional(readOnly = true)
	public List<SubscriptionView> subscriptions() {
		return this.destinations.findByKindOrderByCreatedAtDesc(DestinationKind.WEBHOOK)
			.stream()
			.map(this::view)
			.toList();
	}

	/** One subscription. @throws ProblemException 404 when there is none */
	@Transactional(readOnly = true)
	public SubscriptionView subscription(String id) {
		return view(webhook(id));
	}

	/** The subscriptions the calling machine client made, newest first. */
	@Transactional(readOnly = true)
	public List<SubscriptionView> ownSubscriptions() {
		String actor = this.directory.currentActor();
		return this.destinations.findByKindOrderByCreatedAtDesc(DestinationKind.WEBHOOK)
			.stream()
			.filter((destination) -> destination.createdBy().equals(actor))
			.map(this::view)
			.toList();
	}

	/**
	 * Switches off a subscription the calling machine client made.
	 * @throws ProblemException 404 when it has none with this id
	 */
	@Transactional
	public void unsubscribeOwn(String id) {
		if (!webhook(id).createdBy().equals(this.directory.currentActor())) {
			throw ProblemException.notFound("No webhook subscription " + id);
		}
		unsubscribe(id);
	}

	/**
	 * Switches a subscription off: nothing more reaches it, and what waited for it is
	 * given up (it can still be redelivered should it be switched on again).
	 * @throws ProblemException 404 when there is none
	 */
	@Transactional
	public void unsubscribe(String id) {
		Destination destination = webhook(id);
		destination.switchOff();
		this.deliveries.abandon(id, "Đăng ký đã tắt / subscription switched off");
		log.info("Webhook {} ({}) switched off by {}", id, destination.url(), this.directory.currentActor());
	}

	/**
	 * The newest deliveries to a destination (a webhook or the national portal).
	 * @param status only those in this status, null for all
	 * @throws ProblemException 404 when there is no such destination
	 */
	@Transactional(readOnly = true)
	public List<DeliveryView> deliveries(String destinationId, DeliveryStatus status) {
		destination(destinationId);
		return this.deliveries.log(destinationId, status, 200);
	}

	/**
	 * The newest deliveries given up, to every destination (at most 200): what waits for
	 * an administrator to send it again.
	 */
	@Transactional(readOnly = true)
	public List<DeliveryView> deadDeliveries() {
		return this.deliveries.dead(200);
	}

	/**
	 * Sends one delivery again (a dead one, or a delivered one the receiver lost).
	 * @throws ProblemException 404 for an unknown destination or delivery; 409 when it is
	 * pending already
	 */
	@Transactional
	public void redeliver(String destinationId, long deliveryId) {
		destination(destinationId);
		if (!this.deliveries.redeliver(destinationId, deliveryId)) {
			throw this.deliveries.status(destinationId, deliveryId).isPresent()
					? ProblemException.conflict("Delivery " + deliveryId + " is pending already")
					: ProblemException.notFound("No delivery " + deliveryId + " to " + destinationId);
		}
		log.info("Delivery {} to {} redelivered by {}", deliveryId, destinationId, this.directory.currentActor());
	}

	/**
	 * Sends every dead delivery of a destination again.
	 * @return how many
	 * @throws ProblemException 404 for an unknown destination
	 */
	@Transactional
	public int redeliverDead(String destinationId) {
		destination(destinationId);
		int count = this.deliveries.redeliverDead(destinationId);
		log.info("{} dead deliveries to {} redelivered by {}", count, destinationId, this.directory.currentActor());
		return count;
	}

	private Destination webhook(String id) {
		Destination destination = destination(id);
		if (destination.kind() != DestinationKind.WEBHOOK) {
			throw ProblemException.notFound("No webhook subscription " + id);
		}
		return destination;
	}

	private Destination destination(String id) {
		return this.destinations.findById(id).orElseThrow(() -> ProblemException.notFound("No destination " + id));
	}

	private SubscriptionView view(Destination destination) {
		Map<DeliveryStatus, Long> counts = this.deliveries.counts(destination.id());
		return new SubscriptionView(destination.id(), destination.url(),
				destination.eventTypes().stream().map(EventType::type).toList(), destination.units(),
				destination.description(), destination.isActive(), destination.createdBy(), destination.createdAt(),
				counts.get(DeliveryStatus.PENDING), counts.get(DeliveryStatus.DELIVERED),
				counts.get(DeliveryStatus.DEAD));
	}

	private static void checkUrl(String url, List<FieldError> errors) {
		if (url == null || url.isBlank()) {
			errors.add(new FieldError("url", "bắt buộc / required"));
			return;
		}
		try {
			URI uri = new URI(url.strip());
			if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getUserInfo() != null || uri.getFragment() != null) {
				errors.add(new FieldError("url", "phải là địa chỉ http(s) tuyệt đối, không kèm mật khẩu /"
						+ " must be an absolute http(s) URL without credentials"));
			}
			else if (url.length() > 2000) {
				errors.add(new FieldError("url", "tối đa 2000 ký tự / at most 2000 characters"));
			}
		}
		catch (URISyntaxException ex) {
			errors.add(new FieldError("url", "không phải địa chỉ hợp lệ / not a URL: " + ex.getReason()));
		}
	}

	/** A secret in the Standard Webhooks format: {@code whsec_} and 32 random bytes. */
	private static String newSecret() {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		return "whsec_" + Base64.getEncoder().encodeToString(key);
	}

	/**
	 * A subscription.
	 *
	 * @param id its id
	 * @param url where events go
	 * @param eventTypes the CloudEvents types it receives, empty for all
	 * @param units the units whose dossiers it hears of, null for all
	 * @param description what it is for
	 * @param active whether events still reach it
	 * @param createdBy who made it
	 * @param createdAt when
	 * @param pending deliveries waiting
	 * @param delivered deliveries accepted
	 * @param dead deliveries given up
	 */
	public record SubscriptionView(String id, String url, List<String> eventTypes, List<String> units,
			String description, boolean active, String createdBy, java.time.Instant createdAt, long pending,
			long delivered, long dead) {
	}

	/**
	 * A subscription just made, with its secret: shown this once.
	 *
	 * @param subscription the subscription
	 * @param secret its signing secret ({@code whsec_...})
	 */
	public record SubscriptionCreated(SubscriptionView subscription, String secret) {
	}

}
