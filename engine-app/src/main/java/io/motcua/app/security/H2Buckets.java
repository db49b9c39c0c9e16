package io.motcua.app.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;

/**
 * Bucket4j's buckets in the embedded H2 database. Bucket4j ships JDBC modules for
 * PostgreSQL, MySQL and others, not for H2, and its PostgreSQL one inserts with
 * {@code ON CONFLICT}, which H2 refuses outside its PostgreSQL mode. This is the same
 * select-for-update algorithm of Bucket4j's core with H2's statements: lock the row,
 * insert an empty one when there is none (a standard {@code MERGE}), write the new state.
 * Only the statements are ours; the bucket arithmetic stays Bucket4j's.
 */
final class H2Buckets extends AbstractSelectForUpdateBasedProxyManager<String> implements ExpiredEntriesCleaner {

	private static final String SELECT = "select state from rate_limit_bucket where id = ? for update";

	private static final String INSERT_EMPTY = "merge into rate_limit_bucket b using (values (cast(? as varchar(100)))) v(id)"
			+ " on b.id = v.id when not matched then insert (id, state) values (v.id, null)";

	private static final String UPDATE = "update rate_limit_bucket set state = ?, expires_at = ? where id = ?";

	private static final String DELETE = "delete from rate_limit_bucket where id = ?";

	private static final String DELETE_EXPIRED = "delete from rate_limit_bucket where expires_at < ? limit ?";

	private final DataSource dataSource;

	private final CustomColumnProvider<String> expiresAt;

	H2Buckets(DataSource dataSource, ClientSideConfig config) {
		super(config);
		this.dataSource = dataSource;
		this.expiresAt = CustomColumnProvider.createExpiresInColumnProvider("expires_at",
				config.getExpirationAfterWriteStrategy().orElseThrow());
	}

	@Override
	public boolean isExpireAfterWriteSupported() {
		return true;
	}

	@Override
	protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
		Connection connection;
		try {
			connection = this.dataSource.getConnection();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
		return new SelectForUpdateBasedTransaction() {

			@Override
			public void begin(Optional<Long> requestTimeoutNanos) {
				run(() -> connection.setAutoCommit(false));
			}

			@Override
			public void rollback() {
				run(connection::rollback);
			}

			@Override
			public void commit(Optional<Long> requestTimeoutNanos) {
				run(connection::commit);
			}

			@Override
			public LockAndGetResult tryLockAndGet(Optional<Long> requestTimeoutNanos) {
				try (PreparedStatement select = connection.prepareStatement(SELECT)) {
					applyTimeout(select, requestTimeoutNanos);
					select.setString(1, key);
					try (ResultSet row = select.executeQuery()) {
						return row.next() ? LockAndGetResult.locked(row.getBytes(1)) : LockAndGetResult.notLocked();
					}
				}
				catch (SQLException ex) {
					throw new BucketExceptions.BucketExecutionException(ex);
				}
			}

			@Override
			public boolean tryInsertEmptyData(Optional<Long> requestTimeoutNanos) {
				try (PreparedStatement insert = connection.prepareStatement(INSERT_EMPTY)) {
					applyTimeout(insert, requestTimeoutNanos);
					insert.setString(1, key);
					return insert.executeUpdate() > 0;
				}
				catch (SQLException ex) {
					// Another transaction inserted the same row first: lock that one
					if ("23505".equals(ex.getSQLState())) {
						return false;
					}
					throw new BucketExceptions.BucketExecutionException(ex);
				}
			}

			@Override
			public void update(byte[] data, RemoteBucketState newState, Optional<Long> requestTimeoutNanos) {
				try (PreparedStatement update = connection.prepareStatement(UPDATE)) {
					applyTimeout(update, requestTimeoutNanos);
					update.setBytes(1, data);
					H2Buckets.this.expiresAt.setCustomField(key, 2, update, newState, currentTimeNanos());
					update.setString(3, key);
					update.executeUpdate();
				}
				catch (SQLException ex) {
					throw new BucketExceptions.BucketExecutionException(ex);
				}
			}

			@Override
			public void release() {
				run(connection::close);
			}

		};
	}

	@Override
	public void removeProxy(String key) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection.prepareStatement(DELETE)) {
			delete.setString(1, key);
			delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	@Override
	public int removeExpired(int batchSize) {
		try (Connection connection = this.dataSource.getConnection();
				PreparedStatement delete = connection.prepareStatement(DELETE_EXPIRED)) {
			// Bucket4j writes expires_at in the system's milliseconds
			delete.setLong(1, System.currentTimeMillis());
			delete.setInt(2, batchSize);
			return delete.executeUpdate();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	private static void run(SqlAction action) {
		try {
			action.run();
		}
		catch (SQLException ex) {
			throw new BucketExceptions.BucketExecutionException(ex);
		}
	}

	@FunctionalInterface
	private interface SqlAction {

		void run() throws SQLException;

	}

}
