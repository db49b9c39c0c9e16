package io.motcua.app.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only aggregates over the dossier table for dashboards and lists, scoped to the
 * units the caller passes (a dossier counts for a unit when that unit received or
 * processes it). Plain SQL that runs on H2 2.x and PostgreSQL alike, served by the
 * indexes on (processing_unit, status, due_at) and (receiving_unit, status, due_at).
 */
@Service
public class DossierStatistics {

	private static final String SCOPE = "(processing_unit in (:units) or receiving_unit in (:units))";

	private final NamedParameterJdbcTemplate jdbc;

	DossierStatistics(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Counts per processing unit: received in the period (by channel), completed in the
	 * period (by verdict) and open now (on track, due soon, overdue).
	 * @param units units in scope, not empty
	 * @param from start of the period, inclusive
	 * @param to end of the period, exclusive
	 * @param now the present, for the state of open dossiers
	 */
	@Transactional(readOnly = true)
	public List<UnitCounts> countsByUnit(Collection<String> units, Instant from, Instant to, Instant now) {
		String received = "received_at >= :from and received_at < :to";
		String completed = "completed_at >= :from and completed_at < :to";
		String sql = "select processing_unit," + " sum(case when " + received + " then 1 else 0 end) as received,"
				+ " sum(case when " + received + " and channel = 'COUNTER' then 1 else 0 end) as counter_channel,"
				+ " sum(case when " + received + " and channel = 'ONLINE' then 1 else 0 end) as online_channel,"
				+ " sum(case when " + received + " and channel = 'POSTAL' then 1 else 0 end) as postal_channel,"
				+ " sum(case when " + completed + " and verdict = 'EARLY' then 1 else 0 end) as early,"
				+ " sum(case when " + completed + " and verdict = 'ON_TIME' then 1 else 0 end) as on_time,"
				+ " sum(case when " + completed + " and verdict = 'LATE' then 1 else 0 end) as late,"
				+ " sum(case when " + completed + " and verdict is null then 1 else 0 end) as ended,"
				+ " sum(case when completed_at is null and due_at < :now then 1 else 0 end) as overdue,"
				+ " sum(case when completed_at is null and due_at >= :now and warning_at <= :now then 1 else 0 end)"
				+ " as due_soon," + " sum(case when completed_at is null and (due_at is null or (due_at >= :now"
				+ " and (warning_at is null or warning_at > :now))) then 1 else 0 end) as on_track"
				+ " from dossier where " + SCOPE + " group by processing_unit order by processing_unit";
		MapSqlParameterSource parameters = scope(units).addValue("from", at(from))
			.addValue("to", at(to))
			.addValue("now", at(now));
		return this.jdbc.query(sql, parameters,
				(rs, row) -> new UnitCounts(rs.getString("processing_unit"), rs.getLong("received"),
						rs.getLong("counter_channel"), rs.getLong("online_channel"), rs.getLong("postal_channel"),
						rs.getLong("early"), rs.getLong("on_time"), rs.getLong("late"), rs.getLong("ended"),
						rs.getLong("on_track"), rs.getLong("due_soon"), rs.getLong("overdue")));
	}

	/**
	 * Every dossier received or completed in the period, as instants only, oldest first:
	 * for a trend chart bucketed by the caller.
	 */
	@Transactional(readOnly = true)
	public void eachInPeriod(Collection<String> units, Instant from, Instant to, Consumer<Moment> consumer) {
		String sql = "select received_at, completed_at, verdict from dossier where " + SCOPE
				+ " and ((received_at >= :from and received_at < :to) or (completed_at >= :from and completed_at < :to))";
		this.jdbc.query(sql, scope(units).addValue("from", at(from)).addValue("to", at(to)), (ResultSet rs) -> consumer
			.accept(new Moment(instant(rs, "received_at"), instant(rs, "completed_at"), rs.getString("verdict"))));
	}

	/**
	 * Open dossiers due before {@code until} (overdue ones included), earliest first.
	 */
	@Transactional(readOnly = true)
	public List<OpenDossier> openDueBefore(Collection<String> units, Instant until, int limit) {
		String sql = "select code, procedure_code, applicant_full_name, status, receiving_unit, processing_unit,"
				+ " received_at, due_at, warning_at from dossier where " + SCOPE
				+ " and completed_at is null and due_at < :until order by due_at, code limit :limit";
		return this.jdbc.query(sql, scope(units).addValue("until", at(until)).addValue("limit", limit),
				(rs, row) -> new OpenDossier(rs.getString("code"), rs.getString("procedure_code"),
						rs.getString("applicant_full_name"), DossierStatus.valueOf(rs.getString("status")),
						rs.getString("receiving_unit"), rs.getString("processing_unit"), instant(rs, "received_at"),
						instant(rs, "due_at"), instant(rs, "warning_at")));
	}

	private static MapSqlParameterSource scope(Collection<String> units) {
		if (units.isEmpty()) {
			throw new IllegalArgumentException("At least one unit is needed");
		}
		return new MapSqlParameterSource("units", List.copyOf(units));
	}

	private static OffsetDateTime at(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	/**
	 * Counts of one processing unit.
	 *
	 * @param unit processing unit code
	 * @param received received in the period
	 * @param counter of which at the counter
	 * @param online of which online
	 * @param postal of which by post
	 * @param early completed in the period before the due day
	 * @param onTime completed in the period on the due day
	 * @param late completed in the period late (or extended)
	 * @param ended ended in the period without a verdict (withdrawn, returned
	 * unprocessed)
	 * @param onTrack open now, before the warning
	 * @param dueSoon open now, past the warning
	 * @param overdue open now, past the due date
	 */
	public record UnitCounts(String unit, long received, long counter, long online, long postal, long early,
			long onTime, long late, long ended, long onTrack, long dueSoon, long overdue) {
	}

	/**
	 * When a dossier was received and completed.
	 *
	 * @param receivedAt when received
	 * @param completedAt when completed, null while open
	 * @param verdict EARLY, ON_TIME, LATE, or null
	 */
	public record Moment(Instant receivedAt, Instant completedAt, String verdict) {
	}

	/**
	 * An open dossier with its deadline.
	 */
	public record OpenDossier(String code, String procedureCode, String applicantName, DossierStatus status,
			String receivingUnit, String processingUnit, Instant receivedAt, Instant dueAt, Instant warningAt) {
	}

}
