package io.motcua.app.supervision;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.core.userdetails.UserDetailsService;

import io.motcua.app.ActingStaff;
import io.motcua.app.FeatureTest;
import io.motcua.app.dossier.DossierStuck;
import io.motcua.app.sla.DeadlineMissed;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Supervision on its own: a missed deadline, and a stuck dossier, reach every supervisor
 * of the unit that holds the dossier, after commit, once.
 */
@FeatureTest
class InboxTests {

	@Autowired
	Inbox inbox;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void nobody() {
		ActingStaff.leave();
	}

	@Test
	void aMissedDeadlineReachesTheUnitsSupervisorsOnceHoweverOftenItIsDelivered(Scenario scenario) {
		DeadlineMissed missed = new DeadlineMissed("TRANBIEN-20261207-9001", "TRANBIEN",
				Instant.parse("2026-12-07T10:00:00Z"), Instant.parse("2026-12-07T10:00:01Z"), 5);
		scenario.publish(missed).andWaitForStateChange(() -> entries(missed.dossierCode()), (count) -> count > 0);
		scenario.publish(missed).andWaitForStateChange(this::pending, (count) -> count == 0);

		ActingStaff.actAs(this.users, "supervisor");
		assertThat(this.inbox.mine(0, 50).items())
			.filteredOn((message) -> message.dossierCode().equals(missed.dossierCode()))
			.singleElement()
			.satisfies((message) -> {
				assertThat(message.kind()).isEqualTo("DEADLINE_MISSED");
				assertThat(message.message()).contains("quá hạn", "2026-12-07T10:00:00Z");
				assertThat(message.readAt()).isNull();
			});
		// Nobody of another unit hears of it
		assertThat(this.jdbc.queryForList("select recipient from inbox_entry where dossier_code = ?", String.class,
				missed.dossierCode()))
			.containsOnly("supervisor");
	}

	@Test
	void aStuckDossierReachesTheUnitsSupervisorsOnceWithWhereAndWhy(Scenario scenario) {
		DossierStuck stuck = new DossierStuck("TRANBIEN-20261207-9002", "TRANBIEN", DossierStuck.Cause.INCIDENT,
				"Đóng dấu kết quả", "Cannot read the signing key seals/TRANBIEN.p12",
				Instant.parse("2026-12-07T10:00:00Z"));
		scenario.publish(stuck).andWaitForStateChange(() -> entries(stuck.dossierCode()), (count) -> count > 0);
		scenario.publish(stuck).andWaitForStateChange(this::pending, (count) -> count == 0);

		ActingStaff.actAs(this.users, "supervisor");
		assertThat(this.inbox.mine(0, 50).items())
			.filteredOn((message) -> message.dossierCode().equals(stuck.dossierCode()))
			.singleElement()
			.satisfies((message) -> {
				assertThat(message.kind()).isEqualTo("DOSSIER_STUCK");
				assertThat(message.message()).contains("bị dừng", "Đóng dấu kết quả", "TRANBIEN.p12",
						"2026-12-07T10:00:00Z");
			});
		assertThat(this.jdbc.queryForList("select recipient from inbox_entry where dossier_code = ?", String.class,
				stuck.dossierCode()))
			.containsOnly("supervisor");
	}

	private int entries(String code) {
		return this.jdbc.queryForObject("select count(*) from inbox_entry where dossier_code = ?", Integer.class, code);
	}

	private int pending() {
		return this.jdbc.queryForObject("select count(*) from event_publication", Integer.class);
	}

}
