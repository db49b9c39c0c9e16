package io.motcua.app.outbound;

import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

import io.motcua.app.dossier.BusinessEvent;
import io.motcua.app.dossier.DossierService;

/**
 * Business events as the world receives them: one way to tell an event, whether it leaves
 * through the outbox (webhooks, the national portal) or through a broker, so that every
 * channel carries the same id, type, unit and data.
 */
@Component
public class OutboundEvents {

	private final DossierService dossiers;

	private final ObjectMapper objectMapper;

	OutboundEvents(DossierService dossiers, ObjectMapper objectMapper) {
		this.dossiers = dossiers;
		this.objectMapper = objectMapper;
	}

	/**
	 * The event as every destination receives it: its stable id, its CloudEvents type,
	 * the unit that processes its dossier (read now), when it happened (to the
	 * microsecond, as the outbox keeps it, so that every channel writes the same time)
	 * and its own fields as data.
	 * @throws IllegalArgumentException when the event has no outbound type
	 */
	public FeedEvent of(BusinessEvent event) {
		EventType type = EventType.of(event);
		String unit = this.dossiers.facts(event.dossierCode()).processingUnit();
		return new FeedEvent(FeedEvent.idOf(event.dossierCode(), event.sequence()), type, event.dossierCode(),
				event.sequence(), unit, event.at().truncatedTo(ChronoUnit.MICROS), data(event));
	}

	/** The event's own fields; its number travels as the CloudEvents extension. */
	private String data(BusinessEvent event) {
		ObjectNode data = this.objectMapper.valueToTree(event);
		data.remove("sequence");
		return data.toString();
	}

}
