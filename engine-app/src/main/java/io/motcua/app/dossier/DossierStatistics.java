package io.motcua.app.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

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
	 * An open dossier with its deadline.
	 */
	public record OpenDossier(String code, String procedureCode, String applicantName, DossierStatus status,
			String receivingUnit, String processingUnit, Instant receivedAt, Instant dueAt, Instant warningAt) {
	}

}
