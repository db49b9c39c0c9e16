package io.motcua.app.outbound;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

import org.springframework.stereotype.Component;

/**
 * Outbox events in the CloudEvents 1.0 structured JSON format, written by the CloudEvents
 * SDK. Besides the required attributes each carries {@code subject} (the dossier code)
 * and two extensions: {@code dossiersequence} (the event's number among its dossier's
 * events) and {@code unit} (the processing unit's code).
 */
@Component
public class CloudEventFormat {

	/** The media type of a structured CloudEvent in JSON. */
	public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

	private final URI source;

	private final EventFormat format;

	CloudEventFormat(OutboundProperties properties) {
		this.source = URI.create(properties.source());
		this.format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
	}

	/**
	 * The event as a CloudEvent. The sequence is a CloudEvents Integer (32 bits), which
	 * JSON carries as a number.
	 */
	public CloudEvent cloudEvent(FeedEvent event) {
		return CloudEventBuilder.v1()
			.withId(event.id())
			.withSource(this.source)
			.withType(event.type().type())
			.withSubject(event.dossierCode())
			.withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
			.withDataContentType("application/json")
			.withExtension("dossiersequence", Math.toIntExact(event.sequence()))
			.withExtension("unit", event.unitCode())
			.withData(event.data().getBytes(StandardCharsets.UTF_8))
			.build();
	}

	/** The event as the body of a webhook delivery or a broker message. */
	public String json(FeedEvent event) {
		return new String(this.format.serialize(cloudEvent(event)), StandardCharsets.UTF_8);
	}

}
