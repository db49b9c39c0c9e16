package io.motcua.app.outbound;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.motcua.app.outbound.DeliveryChannel.DeliveryOutcome;

/**
 * One delivery as an HTTP request, the way every channel sends it: no redirect followed
 * (a destination is the URL it was given), a 2xx answer accepts the event, any other
 * answer refuses it with its status and body, and no answer refuses it with the reason,
 * for the delivery log.
 */
public final class HttpDelivery {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private HttpDelivery() {
	}

	/** Sends the request and says what the destination answered; never throws. */
	public static DeliveryOutcome send(HttpRequest request) {
		try {
			HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() / 100 == 2) {
				return DeliveryOutcome.accepted(response.statusCode());
			}
			return DeliveryOutcome.refused(response.statusCode(), "HTTP " + response.statusCode() + ": "
					+ ((response.body() != null) ? response.body().strip() : ""));
		}
		catch (IOException ex) {
			return DeliveryOutcome.refused(null, describe(ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return DeliveryOutcome.refused(null, "interrupted");
		}
	}

	/**
	 * Why no answer came: the JDK's connection errors often carry their reason
	 * ("Connection refused") on a cause only.
	 */
	private static String describe(IOException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
				return ex.getClass().getSimpleName() + ": " + cause.getMessage();
			}
		}
		return ex.getClass().getSimpleName();
	}

}
