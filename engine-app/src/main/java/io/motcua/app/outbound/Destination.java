package io.motcua.app.outbound;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Where events go: which types, about dossiers of which units. A destination is never
 * deleted while deliveries point at it; it is switched off.
 */
@Entity
@Table(name = "outbound_destination")
class Destination {

	private static final String ALL = "*";

	@Id
	private String id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private DestinationKind kind;

	@Column(nullable = false, length = 2000)
	private String url;

	/** The signing secret; stored, as every sender of signed webhooks must. */
	@Column(length = 200)
	private String secret;

	@Column(name = "event_types", nullable = false, length = 2000)
	private String eventTypes;

	@Column(nullable = false, length = 4000)
	private String units;

	@Column(length = 500)
	private String description;

	@Column(nullable = false)
	private boolean active;

	@Column(name = "created_by", nullable = false, length = 60)
	private String createdBy;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Version
	private long version;

	protected Destination() {
	}

	/**
	 * @param types the types it receives, empty for all
	 * @param units the units whose dossiers it hears of, null for all
	 */
	Destination(String id, DestinationKind kind, String url, String secret, Set<EventType> types, Set<String> units,
			String description, String createdBy, Instant createdAt) {
		this.id = id;
		this.kind = kind;
		this.url = url;
		this.secret = secret;
		this.eventTypes = types.isEmpty() ? ALL
				: types.stream().map(EventType::name).sorted().collect(Collectors.joining(","));
		this.units = (units == null) ? ALL : units.stream().sorted().collect(Collectors.joining(","));
		this.description = description;
		this.active = true;
		this.createdBy = createdBy;
		this.createdAt = createdAt;
	}

	/** Whether it hears of this event. */
	boolean wants(EventType type, String unitCode) {
		return this.active && (ALL.equals(this.eventTypes) || split(this.eventTypes).contains(type.name()))
				&& (ALL.equals(this.units) || split(this.units).contains(unitCode));
	}

	/** Points it somewhere else (the portal's configuration changed). */
	void reconfigure(String url, Set<EventType> types) {
		this.url = url;
		this.eventTypes = types.isEmpty() ? ALL
				: types.stream().map(EventType::name).sorted().collect(Collectors.joining(","));
		this.active = true;
	}

	void switchOff() {
		this.active = false;
	}

	String id() {
		return this.id;
	}

	DestinationKind kind() {
		return this.kind;
	}

	String url() {
		return this.url;
	}

	String secret() {
		return this.secret;
	}

	/** The types it receives, empty for all. */
	List<EventType> eventTypes() {
		return ALL.equals(this.eventTypes) ? List.of()
				: split(this.eventTypes).stream().map(EventType::valueOf).toList();
	}

	/** The units it hears of, null for all. */
	List<String> units() {
		return ALL.equals(this.units) ? null : split(this.units);
	}

	String description() {
		return this.description;
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

	private static List<String> split(String list) {
		return Arrays.stream(list.split(",")).filter((item) -> !item.isBlank()).toList();
	}

}
