package io.motcua.app.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the outbox from growing without end: the events and deliveries of a dossier that
 * is finished (its last event says returned or withdrawn), whose every delivery was
 * accepted, and whose last event is older than {@code motcua.outbound.keep}, are deleted,
 * a batch at a time. A dossier with a delivery pending or given up keeps its events, for
 * redelivery. The dossier's timeline, the legal record, is not touched.
 */
@Component
class OutboxCleanup {

	private static final Logger log = LoggerFactory.getLogger(OutboxCleanup.class);

	private static final int BATCH = 500;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final OutboundProperties properties;

	private final Clock clock;

	OutboxCleanup(JdbcClient jdbc, TransactionTemplate transactions, OutboundProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Deletes what is past keeping; answers how many dossiers' events went. */
	@Scheduled(cron = "${motcua.outbound.cleanup-cron:0 30 2 * * *}", zone = "${motcua.dossier.zone:Asia/Ho_Chi_Minh}")
	int clean() {
		Timestamp cutoff = Timestamp.from(this.clock.instant().minus(this.properties.keep()));
		int dossiers = 0;
		List<String> batch;
		do {
			batch = this.transactions.execute((status) -> {
				List<String> finished = this.jdbc
					.sql("select e.dossier_code from outbound_event e where e.type in ('RETURNED', 'WITHDRAWN')"
							+ " and e.recorded_at < ? and not exists (select 1 from outbound_event later"
							+ " where later.dossier_code = e.dossier_code and later.sequence > e.sequence)"
							+ " and not exists (select 1 from outbound_delivery d where d.dossier_code = e.dossier_code"
							+ " and d.status <> 'DELIVERED') fetch first " + BATCH + " rows only")
					.param(cutoff)
					.query(String.class)
					.list();
				for (String code : finished) {
					this.jdbc.sql("delete from outbound_delivery where dossier_code = ?").param(code).update();
					this.jdbc.sql("delete from outbound_event where dossier_code = ?").param(code).update();
				}
				return finished;
			});
			dossiers += batch.size();
		}
		while (batch.size() == BATCH);
		if (dossiers > 0) {
			log.info("Outbox: deleted the events of {} finished dossiers delivered before {}", dossiers, cutoff);
		}
		return dossiers;
	}

}
