package io.motcua.app.workflow;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counts the failures of each engine job, which Camunda does not (it keeps the retries
 * left, and its job log only at history level FULL): the count is written in the engine's
 * own command that records the failure, so it is there exactly when the failure is. Rows
 * of jobs that are gone are swept away every hour.
 */
@Component
class JobFailures {

	private static final Logger log = LoggerFactory.getLogger(JobFailures.class);

	private final NamedParameterJdbcTemplate jdbc;

	private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

	private final Clock clock;

	JobFailures(NamedParameterJdbcTemplate jdbc, ObjectProvider<ProcessEngineConfigurationImpl> engine, Clock clock) {
		this.jdbc = jdbc;
		this.engine = engine;
		this.clock = clock;
	}

	/**
	 * The engine's way of recording a failed job, counting each failure first, in the
	 * same command.
	 */
	static FailedJobCommandFactory counting(FailedJobCommandFactory retries, ObjectProvider<JobFailures> failures) {
		return (jobId, failure) -> {
			Command<Object> retry = retries.getCommand(jobId, failure);
			return (context) -> {
				failures.getObject().failed(jobId);
				return retry.execute(context);
			};
		};
	}

	/** One more failure of the job. */
	void failed(String jobId) {
		Timestamp now = Timestamp.from(this.clock.instant());
		MapSqlParameterSource row = new MapSqlParameterSource("job", jobId).addValue("now", now);
		int updated = this.jdbc
			.update("update job_failure set attempts = attempts + 1, last_failed_at = :now where job_id = :job", row);
		if (updated == 0) {
			this.jdbc.update("insert into job_failure (job_id, attempts, first_failed_at, last_failed_at)"
					+ " values (:job, 1, :now, :now)", row);
		}
	}

	/** The failures counted for these jobs; a job never counted is absent. */
	Map<String, Counted> of(Collection<String> jobIds) {
		Map<String, Counted> counted = new HashMap<>();
		if (jobIds.isEmpty()) {
			return counted;
		}
		this.jdbc.query(
				"select job_id, attempts, first_failed_at, last_failed_at from job_failure where job_id in (:jobs)",
				new MapSqlParameterSource("jobs", List.copyOf(jobIds)), (rs) -> {
					counted.put(rs.getString(1),
							new Counted(rs.getInt(2), rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant()));
				});
		return counted;
	}

	/**
	 * Forgets the failures of jobs that are gone: they ran at last, or were cancelled.
	 */
	@Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
	void forgetFinished() {
		String jobs = this.engine.getObject().getDatabaseTablePrefix() + "ACT_RU_JOB";
		int forgotten = this.jdbc.update("delete from job_failure where not exists (select 1 from " + jobs
				+ " j where j.ID_ = job_failure.job_id)", new MapSqlParameterSource());
		if (forgotten > 0) {
			log.debug("Forgot the failures of {} jobs that have finished", forgotten);
		}
	}

	/**
	 * The failures of one job.
	 *
	 * @param attempts how many runs failed
	 * @param firstFailedAt when it first failed
	 * @param lastFailedAt when it last failed
	 */
	record Counted(int attempts, Instant firstFailedAt, Instant lastFailedAt) {
	}

}
