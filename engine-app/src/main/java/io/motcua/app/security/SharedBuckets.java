package io.motcua.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.motcua.app.system.DatabaseKind;

/**
 * Bucket4j token buckets kept in the database (table {@code rate_limit_bucket}), so that
 * every node counts the same failed logins and the same public requests: a lock made on
 * one node holds on all. Each operation is one short transaction of its own that locks
 * the bucket's row ({@code SELECT ... FOR UPDATE}). Time is the application's clock.
 */
@Component
class SharedBuckets {

	private static final Logger log = LoggerFactory.getLogger(SharedBuckets.class);

	private final ProxyManager<String> buckets;

	private final NamedParameterJdbcTemplate jdbc;

	@Autowired
	SharedBuckets(DataSource dataSource, DatabaseKind database, Clock clock, NamedParameterJdbcTemplate jdbc) {
		this(dataSource, database.isPostgres(), clock, jdbc);
	}

	SharedBuckets(DataSource dataSource, boolean postgres, Clock clock, NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
		// A bucket whose tokens are all back is worth nothing: it may be deleted
		ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy
			.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);
		TimeMeter time = new ClockTime(clock);
		// No bucket operation waits longer than a request for a connection does
		Duration timeout = Duration.ofSeconds(5);
		if (postgres) {
			this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
				.primaryKeyMapper(PrimaryKeyMapper.STRING)
				.table("rate_limit_bucket")
				.clientClock(time)
				.requestTimeout(timeout)
				.expirationAfterWrite(expiry)
				.build();
		}
		else {
			this.buckets = new H2Buckets(dataSource,
					ClientSideConfig.getDefault()
						.withClientClock(time)
						.withRequestTimeout(timeout)
						.withExpirationAfterWriteStrategy(expiry));
		}
	}

	/** The bucket under {@code key}, made with {@code configuration} if it is new. */
	BucketProxy bucket(String key, Supplier<BucketConfiguration> configuration) {
		return this.buckets.builder().build(key, configuration);
	}

	/** Which of these buckets exist: a key without one has used none of its tokens. */
	Set<String> existing(Collection<String> keys) {
		return new HashSet<>(this.jdbc.queryForList("select id from rate_limit_bucket where id in (:keys)",
				java.util.Map.of("keys", keys), String.class));
	}

	/** Forgets a bucket: its next use starts full. */
	void forget(String key) {
		this.buckets.removeProxy(key);
	}

	/**
	 * Deletes buckets whose tokens are all back; any node may, each takes its own batch.
	 */
	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT5M")
	void deleteRefilled() {
		int deleted = ((ExpiredEntriesCleaner) this.buckets).removeExpired(1000);
		if (deleted > 0) {
			log.debug("Deleted {} refilled rate-limit buckets", deleted);
		}
	}

	/** Bucket4j's time from the application's clock, so tests can move it. */
	private record ClockTime(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
