package io.motcua.app.dossier;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.ActingStaff;
import io.motcua.app.DossierFixtures;
import io.motcua.app.FeatureTest;
import io.motcua.app.dossier.DossierViews.RegisteredDossier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dossier feature on its own: what it records, and the events it publishes for the
 * reactions after commit, which carry nothing secret.
 */
@FeatureTest
class DossierRecordTests {

	@Autowired
	DossierService dossiers;

	@Autowired
	DossierQueries queries;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	UserDetailsService users;

	@Autowired
	ObjectMapper json;

	@BeforeEach
	void clerk() {
		ActingStaff.actAs(this.users, "clerk");
	}

	@AfterEach
	void nobody() {
		ActingStaff.leave();
	}

	@Test
	void registeringPublishesDossierReceivedWithoutTheLookupSecret(AssertablePublishedEvents events) throws Exception {
		RegisteredDossier registered = this.transactions
			.execute((status) -> this.dossiers.register(DossierFixtures.atTheCounter()));
		assertThat(registered.lookupSecret()).isNotBlank();
		assertThat(events).contains(DossierReceived.class)
			.matching(DossierReceived::dossierCode, registered.code())
			.matching(DossierReceived::receivedBy, "clerk")
			.matching(DossierReceived::channel, Channel.COUNTER);
		for (DossierReceived received : events.ofType(DossierReceived.class)) {
			String stored = this.json.writeValueAsString(received);
			assertThat(stored).doesNotContain(registered.lookupSecret()).doesNotContain("079203001234");
		}
		assertThat(this.dossiers.find(registered.code()).status()).isEqualTo(DossierStatus.RECEIVED);
	}

	@Test
	void theListFindsADossierByTheTextOfEachOfItsDocuments() {
		String code = this.transactions.execute((status) -> {
			String registered = this.dossiers.register(DossierFixtures.atTheCounter()).code();
			this.dossiers.appendSearchText(registered, "Hợp đồng thuê nhà số 17/2026");
			this.dossiers.appendSearchText(registered, "Giấy chứng nhận phòng cháy chữa cháy");
			return registered;
		});
		assertThat(this.queries.list(new DossierViews.DossierFilter(null, null, null, "phòng cháy"), 0, 20).items())
			.extracting(DossierViews.DossierSummary::code)
			.containsExactly(code);
		assertThat(this.queries.list(new DossierViews.DossierFilter(null, null, null, "thuê nhà"), 0, 20).items())
			.extracting(DossierViews.DossierSummary::code)
			.containsExactly(code);
		assertThat(this.queries.list(new DossierViews.DossierFilter(null, null, null, "giấy phép xây dựng"), 0, 20)
			.items()).isEmpty();
	}

	@Test
	void aStatusReachedMovesTheDossierOnceAndSaysWhy(AssertablePublishedEvents events) {
		String code = this.transactions
			.execute((status) -> this.dossiers.register(DossierFixtures.atTheCounter()).code());
		this.transactions.executeWithoutResult((status) -> {
			this.dossiers.moveTo(code, DossierStatus.IN_PROGRESS, "Thẩm định hồ sơ", "system", null);
			this.dossiers.moveTo(code, DossierStatus.AWAITING_SUPPLEMENT, "Chờ bổ sung", "specialist",
					"Thiếu hợp đồng thuê nhà");
			// The same status again changes nothing
			this.dossiers.moveTo(code, DossierStatus.AWAITING_SUPPLEMENT, "Chờ bổ sung", "specialist", null);
		});
		assertThat(events.ofType(DossierStatusChanged.class).matching(DossierStatusChanged::dossierCode, code))
			.extracting(DossierStatusChanged::from, DossierStatusChanged::to, DossierStatusChanged::reason)
			.containsExactly(Tuple.tuple(DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS, null), Tuple
				.tuple(DossierStatus.IN_PROGRESS, DossierStatus.AWAITING_SUPPLEMENT, "Thiếu hợp đồng thuê nhà"));
		assertThat(this.queries.timeline(code)).extracting(DossierViews.TimelineEntry::type)
			.containsExactly("RECEIVED", "STATUS_CHANGED", "STATUS_CHANGED");
	}

}
