package io.motcua.app.operations;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.motcua.app.ApiSlice;
import io.motcua.app.operations.Reactions.PendingReaction;
import io.motcua.app.security.StaffDirectory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

/**
 * The administrators' view of background work: what is pending, and running one again.
 */
@WebMvcTest(ReactionController.class)
@Import(ApiSlice.class)
@WithMockUser(roles = "ADMIN")
class ReactionControllerTests {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	Reactions reactions;

	@MockitoBean
	StaffDirectory directory;

	@Test
	void listsWhatIsPendingWithItsDossierAndLastError() {
		UUID id = UUID.randomUUID();
		given(this.reactions.pending()).willReturn(List
			.of(new PendingReaction(id, "Receipts.on(DossierReceived)", "DossierReceived", "TRANBIEN-20261207-0001",
					Instant.parse("2026-12-07T02:00:00Z"), 3, "disk full", Instant.parse("2026-12-07T02:05:00Z"))));
		assertThat(this.mvc.get().uri("/api/v1/admin/reactions").exchange()).hasStatus(200)
			.bodyJson()
			.hasPathSatisfying("$[0].id", (value) -> assertThat(value).asString().isEqualTo(id.toString()))
			.hasPathSatisfying("$[0].dossierCode",
					(value) -> assertThat(value).asString().isEqualTo("TRANBIEN-20261207-0001"))
			.hasPathSatisfying("$[0].lastError", (value) -> assertThat(value).asString().isEqualTo("disk full"));
	}

	@Test
	void runsAPendingReactionAgainAndAnswersNotFoundForOneThatRan() {
		UUID pending = UUID.randomUUID();
		UUID ran = UUID.randomUUID();
		given(this.reactions.retry(pending)).willReturn(true);
		given(this.reactions.retry(ran)).willReturn(false);
		assertThat(this.mvc.post().uri("/api/v1/admin/reactions/{id}/retry", pending).with(csrf()).exchange())
			.hasStatus(202);
		assertThat(this.mvc.post().uri("/api/v1/admin/reactions/{id}/retry", ran).with(csrf()).exchange())
			.hasStatus(404);
		assertThat(this.mvc.post().uri("/api/v1/admin/reactions/{id}/retry", "not-a-uuid").with(csrf()).exchange())
			.hasStatus(400);
	}

}
