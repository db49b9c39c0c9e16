package io.motcua.app.supervision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.motcua.app.system.DatabaseKind;

/**
 * The supervisor's read model: counts and lists over the dossier table and the projection
 * of open steps, scoped like every dossier read (a dossier counts for the caller's units
 * when one of them processes or received it) and computed by the database, each from an
 * index range that the period or the open state bounds, never from every dossier a unit
 * ever had. Plain SQL that runs on H2 2.x and PostgreSQL alike; the indexes are in
 * {@code V5_2__supervision_indexes.sql}.
 *
 * <p>
 * The scope is split into two disjoint parts that each follow an index: dossiers
 * processed by one of the units, and dossiers received by one of the units but processed
 * by another ("cross" units, found first by walking the index on receiving and processing
 * unit, a few index probes per unit).
 */
@Component
class DashboardQueries {

	private final NamedParameterJdbcTemplate jdbc;

	private final boolean postgres;

	DashboardQueries(NamedParameterJdbcTemplate jdbc, DatabaseKind database) {
		this.jdbc = jdbc;
		this.postgres = database.isPostgres();
	}

	/**
	 * The scope of a caller's units.
	 *
	 * @param units the caller's units
	 * @param cross units outside {@code units} that process dossiers received by them
	 * @param processing units with at least one dossier in scope, in the database's order
	 */
	record Scope(List<String> units, List<String> cross, List<String> processing) {
	}

	/**
	 * The scope of the caller's units; the first call of a read, in its transaction.
	 */
	Scope scope(Collection<String> units) {
		List<String> own = List.copyOf(units);
		if (own.isEmpty()) {
			throw new IllegalArgumentException("At least one unit is needed");
		}
		if (this.postgres && TransactionSynchronizationManager.isActualTransactionActive()) {
			// Short index scans: parallel workers would only add their start-up and
			// compete for the cores with the other callers (until the transaction ends)
			this.jdbc.getJdbcTemplate().execute("set local max_parallel_workers_per_gather = 0");
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource("units", own);
		List<String> values = new ArrayList<>();
		for (int i = 0; i < own.size(); i++) {
			parameters.addValue("u" + i, own.get(i));
			values.add("(cast(:u" + i + " as varchar(40)))");
		}
		// Walks the distinct processing units of the dossiers each unit received: one
		// index probe per pair
		String walk = "with recursive walk(r, p) as (select v.u, (select min(d.processing_unit) from dossier d"
				+ " where d.receiving_unit = v.u) from (values " + String.join(", ", values) + ") v(u)"
				+ " union all select w.r, (select min(d.processing_unit) from dossier d where d.receiving_unit = w.r"
				+ " and d.processing_unit > w.p) from walk w where w.p is not null)"
				+ " select distinct p from walk where p is not null and p not in (:units)";
		List<String> cross = this.jdbc.queryForList(walk, parameters, String.class);
		String processing = "select v.u as unit from (values " + String.join(", ", values) + ") v(u)"
				+ " where exists (select 1 from dossier d where d.processing_unit = v.u)";
		for (int i = 0; i < cross.size(); i++) {
			parameters.addValue("c" + i, cross.get(i));
			processing += " union all select cast(:c" + i + " as varchar(40))";
		}
		List<String> found = this.jdbc.queryForList("select unit from (" + processing + ") x order by unit", parameters,
				String.class);
		return new Scope(own, cross, found);
	}

	/**
	 * Dossiers received in a period per processing unit, channel and day.
	 */
	List<DayCount> received(Scope scope, Instant from, Instant to, ZoneId zone) {
		return perDay(scope, "received_at", "channel", from, to, zone);
	}

	/**
	 * Dossiers completed in a period per processing unit, verdict (null without one) and
	 * day.
	 */
	List<DayCount> completed(Scope scope, Instant from, Instant to, ZoneId zone) {
		return perDay(scope, "completed_at", "verdict", from, to, zone);
	}

	private List<DayCount> perDay(Scope scope, String instant, String kind, Instant from, Instant to, ZoneId zone) {
		// The day in the office's zone: PostgreSQL converts each instant. H2, whose
		// casts to a date ignore the zone, counts in buckets of an epoch day at the
		// zone's offset when the period has no offset change, else of quarter hours,
		// on which every zone's midnight falls.
		ZoneOffsetTransition change = zone.getRules().nextTransition(from);
		boolean fixed = change == null || !change.getInstant().isBefore(to);
		long width = fixed ? 86_400 : 900;
		long offset = fixed ? zone.getRules().getOffset(from).getTotalSeconds() : 0;
		String bucket = this.postgres ? "cast(" + instant + " at time zone :zone as date)"
				: "floor(cast(extract(epoch from " + instant + ") + :offset as double precision) / :width)";
		String range = instant + " >= :from and " + instant + " < :to";
		String arms = "select processing_unit, " + kind + " as kind, " + bucket + " as bucket from dossier"
				+ " where processing_unit in (:units) and " + range;
		if (!scope.cross().isEmpty()) {
			arms += " union all select processing_unit, " + kind + ", " + bucket + " from dossier"
					+ " where receiving_unit in (:units) and processing_unit in (:cross) and " + range;
		}
		String sql = "select processing_unit, kind, bucket, count(*) as n from (" + arms + ") x"
				+ " group by processing_unit, kind, bucket";
		MapSqlParameterSource parameters = parameters(scope).addValue("from", at(from))
			.addValue("to", at(to))
			.addValue("zone", zone.getId())
			.addValue("offset", offset)
			.addValue("width", width);
		return this.jdbc
			.query(sql, parameters, (rs, row) -> new DayCount(rs.getString("processing_unit"), rs.getString("kind"),
					this.postgres ? rs.getObject("bucket", LocalDate.class)
							: fixed ? LocalDate.ofEpochDay(rs.getLong("bucket"))
									: Instant.ofEpochSecond(rs.getLong("bucket") * width).atZone(zone).toLocalDate(),
					rs.getLong("n")));
	}

	/**
	 * Open dossiers per processing unit: on track, due soon (past the warning), overdue.
	 */
	Map<String, long[]> open(Scope scope, Instant now) {
		String open = "select processing_unit, due_at, warning_at from dossier"
				+ " where processing_unit in (:units) and completed_at is null";
		if (!scope.cross().isEmpty()) {
			open += " union all select processing_unit, due_at, warning_at from dossier"
					+ " where receiving_unit in (:units) and processing_unit in (:cross) and completed_at is null";
		}
		String sql = "select processing_unit,"
				+ " sum(case when due_at is null or (due_at >= :now and (warning_at is null or warning_at > :now))"
				+ " then 1 else 0 end) as on_track,"
				+ " sum(case when due_at >= :now and warning_at <= :now then 1 else 0 end) as due_soon,"
				+ " sum(case when due_at < :now then 1 else 0 end) as overdue from (" + open + ") x"
				+ " group by processing_unit";
		Map<String, long[]> counts = new LinkedHashMap<>();
		this.jdbc.query(sql, parameters(scope).addValue("now", at(now)), (ResultSet rs) -> {
			counts.put(rs.getString("processing_unit"),
					new long[] { rs.getLong("on_track"), rs.getLong("due_soon"), rs.getLong("overdue") });
		});
		return counts;
	}

	/**
	 * Open dossiers due before {@code until}, earliest first (then by code), each with
	 * its open steps, oldest first.
	 */
	List<OverdueRow> overdue(Scope scope, Instant until, int limit) {
		// With one unit, the order of the index (unit, completed_at, due_at, ...) is the
		// order wanted: the database reads the first rows and stops
		String order = (scope.units().size() == 1) ? "processing_unit, completed_at, due_at, code" : "due_at, code";
		String arms = "(select code, due_at from dossier where processing_unit in (:units) and completed_at is null"
				+ " and due_at < :until order by " + order + " limit :limit)";
		if (!scope.cross().isEmpty()) {
			arms += " union all (select code, due_at from dossier where receiving_unit in (:units)"
					+ " and processing_unit in (:cross) and completed_at is null and due_at < :until"
					+ " order by due_at, code limit :limit)";
		}
		String sql = "select d.code, d.procedure_code, d.status, d.processing_unit, d.received_at, d.due_at,"
				+ " t.task_id, t.name, t.assignee, t.candidate_group, t.created_at"
				+ " from (select code, due_at from (" + arms + ") a order by due_at, code limit :limit) o"
				+ " join dossier d on d.code = o.code"
				+ " left join dossier_task t on t.dossier_code = d.code and t.completed_at is null"
				+ " order by d.due_at, d.code, t.created_at";
		return this.jdbc.query(sql, parameters(scope).addValue("until", at(until)).addValue("limit", limit),
				(rs, row) -> new OverdueRow(rs.getString("code"), rs.getString("procedure_code"),
						rs.getString("status"), rs.getString("processing_unit"), instant(rs, "received_at"),
						instant(rs, "due_at"), rs.getString("task_id"), rs.getString("name"), rs.getString("assignee"),
						rs.getString("candidate_group"), instant(rs, "created_at")));
	}

	private static MapSqlParameterSource parameters(Scope scope) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("units", scope.units());
		if (!scope.cross().isEmpty()) {
			parameters.addValue("cross", scope.cross());
		}
		return parameters;
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * Dossiers of one processing unit, kind (channel or verdict) and day.
	 */
	record DayCount(String unit, String kind, LocalDate day, long count) {
	}

	/**
	 * An overdue dossier with one of its open steps (all step fields null when none is
	 * open).
	 */
	record OverdueRow(String code, String procedureCode, String status, String processingUnit, Instant receivedAt,
			Instant dueAt, String taskId, String step, String assignee, String candidateGroup, Instant stepCreatedAt) {
	}

}
