package io.motcua.app.sla;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A stored calendar year: its definition as JSON, and who changed it last.
 */
@Entity
@Table(name = "calendar_year")
class CalendarRecord {

	@Id
	@Column(name = "year_number")
	private Integer year;

	@Column(nullable = false, length = 100000)
	private String definition;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "updated_by", nullable = false, length = 60)
	private String updatedBy;

	@Version
	private long version;

	protected CalendarRecord() {
	}

	CalendarRecord(int year, String definition, Instant updatedAt, String updatedBy) {
		this.year = year;
		this.definition = definition;
		this.updatedAt = updatedAt;
		this.updatedBy = updatedBy;
	}

	void replace(String definition, Instant at, String by) {
		this.definition = definition;
		this.updatedAt = at;
		this.updatedBy = by;
	}

	int year() {
		return this.year;
	}

	String definition() {
		return this.definition;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	String updatedBy() {
		return this.updatedBy;
	}

	long version() {
		return this.version;
	}

}
