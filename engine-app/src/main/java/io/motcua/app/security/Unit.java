package io.motcua.app.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An organisational unit in the tree province → department / commune. The materialised
 * {@code path} ("/ROOT/CHILD/") makes "this unit and everything below it" one indexed
 * prefix query.
 */
@Entity
@Table(name = "org_unit")
public class Unit {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, unique = true, length = 40)
	private String code;

	@Column(nullable = false, length = 200)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private UnitType type;

	@ManyToOne
	@JoinColumn(name = "parent_id")
	private Unit parent;

	@Column(nullable = false, length = 400)
	private String path;

	@Version
	private long version;

	protected Unit() {
	}

	public Unit(String code, String name, UnitType type, Unit parent) {
		this.code = code;
		this.name = name;
		this.type = type;
		this.parent = parent;
		this.path = ((parent != null) ? parent.path : "/") + code + "/";
	}

	public String code() {
		return this.code;
	}

	public String name() {
		return this.name;
	}

	public UnitType type() {
		return this.type;
	}

	public Unit parent() {
		return this.parent;
	}

	public String path() {
		return this.path;
	}

	/**
	 * Whether this unit is {@code unitCode} or lies below it. Read from the stored path,
	 * so it holds for units made after the caller logged in (on any node).
	 */
	boolean isWithin(String unitCode) {
		return this.path.contains("/" + unitCode + "/");
	}

	/** Whether a unit of {@code childType} may be placed directly under this one. */
	boolean mayHold(UnitType childType) {
		return childType.ordinal() > this.type.ordinal();
	}

}
