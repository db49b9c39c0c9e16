package io.motcua.app.portal;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;

/** What proves to the portal that a push comes from us. */
interface PortalCredential {

	/**
	 * Adds the credential to a push.
	 * @throws RuntimeException when none can be had now (the token endpoint fails): the
	 * push waits for its next attempt
	 */
	void authorize(HttpRequest.Builder push);

	/**
	 * The portal answered 401 to a push made with it: a token is forgotten, so that the
	 * next attempt fetches a new one.
	 */
	void refused();

	/** The credential the settings name; none when the portal is switched off. */
	static PortalCredential of(PortalProperties properties, Duration timeout, Clock clock) {
		if (properties.oauth2().given()) {
			return new ClientCredentials(properties.oauth2(), timeout, clock);
		}
		if (properties.apiKey().given()) {
			PortalProperties.ApiKey key = properties.apiKey();
			return new PortalCredential() {

				@Override
				public void authorize(HttpRequest.Builder push) {
					push.header(key.header(), key.value());
				}

				@Override
				public void refused() {
					// A key does not expire; the administrators must replace it
				}

			};
		}
		return new PortalCredential() {

			@Override
			public void authorize(HttpRequest.Builder push) {
				throw new IllegalStateException("No credential for the national portal is configured");
			}

			@Override
			public void refused() {
			}

		};
	}

}
