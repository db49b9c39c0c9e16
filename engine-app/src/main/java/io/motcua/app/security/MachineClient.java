package io.motcua.app.security;

import java.util.Set;

/**
 * A system calling the API on its own behalf, as the request sees it.
 *
 * @param name its name (recorded as the actor {@code client:<name>})
 * @param unitCode the unit it acts for (receives hand-overs by default)
 * @param units the units whose dossiers it may touch
 * @param scopes what it may do
 * @param eventTypes the CloudEvents types it may subscribe to, empty for all
 */
public record MachineClient(String name, String unitCode, Set<String> units, Set<ClientScope> scopes,
		Set<String> eventTypes) {

	public MachineClient {
		units = Set.copyOf(units);
		scopes = Set.copyOf(scopes);
		eventTypes = Set.copyOf(eventTypes);
	}

	/** The actor recorded for what it does. */
	public String actor() {
		return "client:" + this.name;
	}

	public boolean has(ClientScope scope) {
		return this.scopes.contains(scope);
	}

	/** Whether it may hear of events of this type. */
	public boolean allows(String eventType) {
		return this.eventTypes.isEmpty() || this.eventTypes.contains(eventType);
	}

	/** The caller it is for the features' scoping: no staff role, its units only. */
	Caller asCaller() {
		return new Caller(actor(), this.name, this.unitCode, Set.of(), this.units);
	}

}
