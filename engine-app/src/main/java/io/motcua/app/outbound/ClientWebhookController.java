package io.motcua.app.outbound;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.outbound.WebhookController.SubscriptionRequest;
import io.motcua.app.outbound.Webhooks.SubscriptionCreated;
import io.motcua.app.outbound.Webhooks.SubscriptionView;

/**
 * {@code /api/v1/webhooks}: a machine client with scope {@code events:subscribe} manages
 * its own subscriptions, limited to its event types and units.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
@PreAuthorize("hasAuthority('SCOPE_events:subscribe')")
class ClientWebhookController {

	private final Webhooks webhooks;

	ClientWebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping
	List<SubscriptionView> subscriptions() {
		return this.webhooks.ownSubscriptions();
	}

	/** 201 with the secret, shown this once. */
	@PostMapping
	ResponseEntity<SubscriptionCreated> subscribe(@RequestBody SubscriptionRequest request) {
		SubscriptionCreated created = this.webhooks.subscribe(request.url(), request.eventTypes(), request.units(),
				request.description());
		return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.subscription().id())).body(created);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> unsubscribe(@PathVariable String id) {
		this.webhooks.unsubscribeOwn(id);
		return ResponseEntity.noContent().build();
	}

}
