package io.motcua.app.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A machine client an administrator registered: an API key (only its SHA-256 is kept,
 * found by its prefix) or an OAuth2 client id whose tokens the configured identity
 * provider issues.
 */
@Entity
@Table(name = "api_client")
class ApiClient {

	@Id
	private String id;

	@Column(nullable = false, unique = true, length = 100)
	private String name;

	@Column(name = "key_prefix", length = 20)
	private String keyPrefix;

	@Column(name = "key_hash", length = 64)
	private String keyHash;

	@Column(name = "oauth_client_id", length = 200)
	private String oauthClientId;

	@Column(name = "unit_code", nullable = false, length = 40)
	private String unitCode;

	@Column(nullable = false, length = 4000)
	private String units;

	@Column(nullable = false, length = 500)
	private String scopes;

	@Column(name = "event_types", nullable = false, length = 2000)
	private String eventTypes;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "created_by", nullable = false, length = 60)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected ApiClient() {
	}

	ApiClient(String id, String name, String keyPrefix, String keyHash, String oauthClientId, String unitCode,
			Collection<String> units, Collection<ClientScope> scopes, Collection<String> eventTypes, String createdBy,
			Instant createdAt) {
		this.id = id;
		this.name = name;
		this.keyPrefix = keyPrefix;
		this.keyHash = keyHash;
		this.oauthClientId = oauthClientId;
		this.unitCode = unitCode;
		this.units = String.join(",", units);
		this.scopes = scopes.stream().map(ClientScope::value).collect(Collectors.joining(","));
		this.eventTypes = String.join(",", eventTypes);
		this.active = true;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	void revoke() {
		this.active = false;
	}

	/** The client as a request sees it. */
	MachineClient client() {
		return new MachineClient(this.name, this.unitCode, split(this.units),
				split(this.scopes).stream()
					.map(ClientScope::named)
					.flatMap(java.util.Optional::stream)
					.collect(Collectors.toSet()),
				split(this.eventTypes));
	}

	String id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String keyHash() {
		return this.keyHash;
	}

	String keyPrefix() {
		return this.keyPrefix;
	}

	String oauthClientId() {
		return this.oauthClientId;
	}

	boolean isActive() {
		return this.active;
	}

	String createdBy() {
		return this.createdBy;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	private static Set<String> split(String list) {
		return Arrays.stream(list.split(","))
			.filter((item) -> !item.isBlank())
			.collect(Collectors.toCollection(LinkedHashSet::new));
	}

}
