package io.motcua.app.signature;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On the demo profile, creates the demo certificate authority once the application is
 * ready, in the background, so that the first approver to sign does not wait for key
 * generation.
 */
@Component
class DemoKeys {

	private static final Logger log = LoggerFactory.getLogger(DemoKeys.class);

	private final SigningKeyStore keys;

	private final SignatureProperties properties;

	DemoKeys(SigningKeyStore keys, SignatureProperties properties) {
		this.keys = keys;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void prepare() {
		if (!this.properties.demoKeys()) {
			return;
		}
		Thread preparation = new Thread(() -> {
			try {
				this.keys.trustAnchors();
			}
			catch (RuntimeException ex) {
				log.warn("Could not prepare the demo certificate authority: {}", ex.getMessage());
			}
		}, "demo-keys");
		preparation.setDaemon(true);
		preparation.start();
	}

}
