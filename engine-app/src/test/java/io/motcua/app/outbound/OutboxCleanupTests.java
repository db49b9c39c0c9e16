package io.motcua.app.outbound;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import io.motcua.app.FeatureTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox forgets a finished dossier's events once every delivery was accepted and the
 * keeping time has passed; nothing else.
 */
@FeatureTest
class OutboxCleanupTests {

	@Autowired
	OutboxCleanup cleanup;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Test
	void deletesOnlyFinishedDossiersWhoseEveryDeliveryWasAcceptedLongEnoughAgo() {
		Instant old = this.clock.instant().minus(Duration.ofDays(31));
		Instant recent = this.clock.instant().minus(Duration.ofDays(2));
		this.jdbc.update("insert into outbound_destination (id, kind, url, event_types, units, active, created_by,"
				+ " created_at) values ('cleanup-hook', 'WEBHOOK', 'http://127.0.0.1:9/x', '*', '*', true, 'admin', ?)",
				Timestamp.from(old));
		dossier("CLEAN-DONE", old, "RETURNED", "DELIVERED");
		dossier("CLEAN-WITHDRAWN", old, "WITHDRAWN", "DELIVERED");
		dossier("KEEP-DEAD", old, "RETURNED", "DEAD");
		dossier("KEEP-RECENT", recent, "RETURNED", "DELIVERED");
		dossier("KEEP-OPEN", old, "STATUS_CHANGED", "DELIVERED");

		assertThat(this.cleanup.clean()).isEqualTo(2);

		assertThat(this.jdbc.queryForList("select distinct dossier_code from outbound_event", String.class))
			.containsExactlyInAnyOrder("KEEP-DEAD", "KEEP-RECENT", "KEEP-OPEN");
		assertThat(this.jdbc.queryForList("select distinct dossier_code from outbound_delivery", String.class))
			.containsExactlyInAnyOrder("KEEP-DEAD", "KEEP-RECENT", "KEEP-OPEN");
		assertThat(this.cleanup.clean()).isZero();
	}

	/** A dossier with two events: received, then {@code lastType}. */
	private void dossier(String code, Instant at, String lastType, String lastDelivery) {
		event(code, 1, "RECEIVED", at.minus(Duration.ofDays(1)), "DELIVERED");
		event(code, 2, lastType, at, lastDelivery);
	}

	private void event(String code, long sequence, String type, Instant at, String delivery) {
		String id = FeedEvent.idOf(code, sequence);
		this.jdbc.update(
				"insert into outbound_event (id, dossier_code, sequence, type, unit_code, occurred_at,"
						+ " recorded_at, data) values (?, ?, ?, ?, 'TRANBIEN', ?, ?, '{}')",
				id, code, sequence, type, Timestamp.from(at), Timestamp.from(at));
		this.jdbc.update("insert into outbound_delivery (destination_id, event_id, dossier_code, sequence, status,"
				+ " attempts, created_at, pending_since, next_attempt_at) values ('cleanup-hook', ?, ?, ?, ?, 1, ?, ?, ?)",
				id, code, sequence, delivery, Timestamp.from(at), Timestamp.from(at), Timestamp.from(at));
	}

}
