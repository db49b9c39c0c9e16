package io.motcua.app.outbound;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.outbound.Webhooks.SubscriptionCreated;
import io.motcua.app.outbound.Webhooks.SubscriptionView;

/**
 * {@code /api/v1/admin/webhooks}: subscriptions, their delivery log and redelivery; the
 * same log for any destination (the national portal's id is {@code national-portal}).
 */
@RestController
@RequestMapping("/api/v1/admin")
@PreAuthorize("hasRole('ADMIN')")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/webhooks")
	List<SubscriptionView> subscriptions() {
		return this.webhooks.subscriptions();
	}

	/** 201 with the secret, shown this once. */
	@PostMapping("/webhooks")
	ResponseEntity<SubscriptionCreated> subscribe(@RequestBody SubscriptionRequest request) {
		SubscriptionCreated created = this.webhooks.subscribe(request.url(), request.eventTypes(), request.units(),
				request.description());
		return ResponseEntity.created(URI.create("/api/v1/admin/webhooks/" + created.subscription().id()))
			.body(created);
	}

	@GetMapping("/webhooks/{id}")
	SubscriptionView subscription(@PathVariable String id) {
		return this.webhooks.subscription(id);
	}

	@DeleteMapping("/webhooks/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable String id) {
		this.webhooks.unsubscribe(id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/destinations/{id}/deliveries")
	List<DeliveryView> deliveries(@PathVariable String id, @RequestParam(required = false) DeliveryStatus status) {
		return this.webhooks.deliveries(id, status);
	}

	/** 202: the delivery is due again now. */
	@PostMapping("/destinations/{id}/deliveries/{deliveryId}/redelivery")
	ResponseEntity<Void> redeliver(@PathVariable String id, @PathVariable long deliveryId) {
		this.webhooks.redeliver(id, deliveryId);
		return ResponseEntity.accepted().build();
	}

	/** 202 with how many dead deliveries are due again. */
	@PostMapping("/destinations/{id}/redelivery")
	ResponseEntity<Map<String, Integer>> redeliverDead(@PathVariable String id) {
		return ResponseEntity.accepted().body(Map.of("redelivered", this.webhooks.redeliverDead(id)));
	}

	/**
	 * A new subscription.
	 *
	 * @param url where to send events (http or https)
	 * @param eventTypes CloudEvents types (see {@code /api/v1/event-types}), empty for
	 * all
	 * @param units unit codes, empty for all of the administrator's units
	 * @param description what it is for
	 */
	record SubscriptionRequest(String url, List<String> eventTypes, List<String> units,
			@Size(max = 500) String description) {
	}

}
