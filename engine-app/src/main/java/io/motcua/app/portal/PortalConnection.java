package io.motcua.app.portal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import io.motcua.app.outbound.Destinations;

/**
 * At every start, makes the outbox's national-portal destination say what the settings
 * say: on, at the configured address, for every status change of every unit; or off.
 */
@Component
class PortalConnection implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(PortalConnection.class);

	private final PortalProperties properties;

	private final Destinations destinations;

	PortalConnection(PortalProperties properties, Destinations destinations) {
		this.properties = properties;
		this.destinations = destinations;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			apply();
		}
		catch (DataIntegrityViolationException | ConcurrencyFailureException ex) {
			// Another node starting at the same moment wrote the row first; read it again
			apply();
		}
	}

	private void apply() {
		if (this.properties.enabled()) {
			this.destinations.ensurePortal(this.properties.statusUrl(), PortalChannel.STATUS_EVENTS);
			log.info("Status changes go to the national portal at {} ({})", this.properties.statusUrl(),
					this.properties.oauth2().given() ? "OAuth2 client credentials" : "API key");
		}
		else {
			this.destinations.switchOffPortal();
		}
	}

}
