package io.motcua.app.outbound;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

import org.springframework.stereotype.Component;

/**
 * Delivers CloudEvents to webhook subscribers, signed as the Standard Webhooks
 * specification says: headers {@code webhook-id} (the event's id),
 * {@code webhook-timestamp} (seconds since the epoch) and {@code webhook-signature}
 * ({@code v1,} and the Base64 HMAC-SHA256 of {@code id.timestamp.body} with the
 * subscription's secret). Receivers check the signature and refuse an old timestamp. Any
 * 2xx answer is acceptance.
 */
@Component
class WebhookChannel implements DeliveryChannel {

	private final CloudEventFormat format;

	private final OutboundProperties properties;

	private final Clock clock;

	WebhookChannel(CloudEventFormat format, OutboundProperties properties, Clock clock) {
		this.format = format;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public DestinationKind kind() {
		return DestinationKind.WEBHOOK;
	}

	@Override
	public DeliveryOutcome deliver(Target destination, FeedEvent event) {
		String body = this.format.json(event);
		long timestamp = this.clock.instant().getEpochSecond();
		String signature;
		try {
			signature = new Webhook(destination.secret()).sign(event.id(), timestamp, body);
		}
		catch (WebhookSigningException ex) {
			return DeliveryOutcome.refused(null, "cannot sign: " + ex.getMessage());
		}
		return HttpDelivery.send(HttpRequest.newBuilder(URI.create(destination.url()))
			.timeout(this.properties.requestTimeout())
			.header("Content-Type", CloudEventFormat.CONTENT_TYPE + "; charset=utf-8")
			.header("webhook-id", event.id())
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

}
