package io.motcua.app.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;

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

	private final HttpClient http;

	private final CloudEventFormat format;

	private final OutboundProperties properties;

	private final Clock clock;

	WebhookChannel(CloudEventFormat format, OutboundProperties properties, Clock clock) {
		this.format = format;
		this.properties = properties;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public DestinationKind kind() {
		return DestinationKind.WEBHOOK;
	}

	@Override
	public DeliveryOutcome deliver(Target destination, FeedEvent event) {
		String body = this.format.json(event);
		long timestamp = this.clock.instant().getEpochSecond();
		try {
			String signature = new Webhook(destination.secret()).sign(event.id(), timestamp, body);
			HttpRequest request = HttpRequest.newBuilder(URI.create(destination.url()))
				.timeout(this.properties.requestTimeout())
				.header("Content-Type", CloudEventFormat.CONTENT_TYPE + "; charset=utf-8")
				.header("webhook-id", event.id())
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", signature)
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build();
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return DeliveryOutcome.accepted(response.statusCode());
			}
			return DeliveryOutcome.refused(response.statusCode(), "HTTP " + response.statusCode() + ": "
					+ ((response.body() != null) ? response.body().strip() : ""));
		}
		catch (IOException ex) {
			return DeliveryOutcome.refused(null, ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryOutcome.refused(null, "interrupted");
		}
		catch (WebhookSigningException ex) {
			return DeliveryOutcome.refused(null, "cannot sign: " + ex.getMessage());
		}
	}

}
