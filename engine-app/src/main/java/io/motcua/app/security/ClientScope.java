package io.motcua.app.security;

import java.util.Arrays;
import java.util.Optional;

/** What a machine client may do; each scope opens a few API paths and nothing else. */
public enum ClientScope {

	/** Hand over dossiers submitted elsewhere ({@code /api/v1/hand-overs}). */
	DOSSIERS_SUBMIT("dossiers:submit"),

	/** Read dossiers of its units ({@code GET /api/v1/dossiers/...}). */
	DOSSIERS_READ("dossiers:read"),

	/** Subscribe webhooks to its event types ({@code /api/v1/webhooks}). */
	EVENTS_SUBSCRIBE("events:subscribe");

	private final String value;

	ClientScope(String value) {
		this.value = value;
	}

	/** As tokens and API clients name it ({@code dossiers:submit}). */
	public String value() {
		return this.value;
	}

	/** The authority Spring Security grants for it ({@code SCOPE_dossiers:submit}). */
	public String authority() {
		return "SCOPE_" + this.value;
	}

	public static Optional<ClientScope> named(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

}
