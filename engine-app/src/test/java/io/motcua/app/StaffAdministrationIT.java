package io.motcua.app;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Administrators add units and staff, change their roles and access and reset passwords,
 * within the units they oversee; a change takes effect at the next request.
 */
class StaffAdministrationIT extends ApplicationIT {

	@Test
	void administratorAddsAClerkWhoCanThenReceiveDossiers() {
		String username = "clerk-" + System.nanoTime() % 100000;
		Api.Reply added = as("admin").post("/api/v1/staff", Map.of("username", username, "fullName", "Hoàng Thị Mai",
				"unitCode", "TRANBIEN", "roles", List.of("CLERK"), "password", "mat-khau-2026"));
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		assertThat(added.location()).isEqualTo("/api/v1/staff/" + username);
		Api clerk = Api.as(this.port, username, "mat-khau-2026");
		assertThat(clerk.post("/api/v1/dossiers", application(PROCEDURE)).status()).isEqualTo(201);
		assertThat(as("admin").get("/api/v1/staff?unit=TRANBIEN").body().findValuesAsText("username"))
			.contains(username);

		// Disabled: the next request is refused even though the login was remembered.
		Api.Reply disabled = as("admin").patch("/api/v1/staff/" + username,
				Map.of("roles", List.of("CLERK"), "enabled", false));
		assertThat(disabled.status()).as(disabled.body().toString()).isEqualTo(200);
		assertThat(clerk.get("/api/v1/procedures").status()).isEqualTo(401);

		as("admin").patch("/api/v1/staff/" + username, Map.of("roles", List.of("SPECIALIST"), "enabled", true));
		assertThat(clerk.post("/api/v1/dossiers", application(PROCEDURE)).status()).isEqualTo(403);
		assertThat(as("admin").post("/api/v1/staff/" + username + "/password", Map.of("password", "mat-khau-moi-2026"))
			.status()).isEqualTo(204);
		assertThat(clerk.get("/api/v1/procedures").status()).isEqualTo(401);
		assertThat(Api.as(this.port, username, "mat-khau-moi-2026").get("/api/v1/procedures").status()).isEqualTo(200);
	}

	@Test
	void provinceAdministratorAddsACommuneWhoseClerkThenReceivesDossiers() {
		// A fresh installation has one unit (the bootstrap unit, a province) and its
		// admin
		String admin = StaffFixtures.addStaff(this.jdbc, "province-admin", "DNAI", "ADMIN");
		String commune = "XA" + System.nanoTime() % 100000;
		Api.Reply added = as(admin).post("/api/v1/units",
				Map.of("code", commune, "name", "Xã Mới", "type", "COMMUNE", "parentCode", "DNAI"));
		assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
		assertThat(added.location()).isEqualTo("/api/v1/units/" + commune);
		assertThat(added.body().path("parentCode").asText()).isEqualTo("DNAI");
		assertThat(as(admin).get(added.location()).body().path("type").asText()).isEqualTo("COMMUNE");

		String clerk = "clerk-" + commune.toLowerCase();
		assertThat(as(admin)
			.post("/api/v1/staff",
					Map.of("username", clerk, "fullName", "Lê Văn Cường", "unitCode", commune, "roles",
							List.of("CLERK"), "password", "mat-khau-2026"))
			.status()).isEqualTo(201);
		Api.Reply received = Api.as(this.port, clerk, "mat-khau-2026").post("/api/v1/dossiers", application(PROCEDURE));
		assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
		assertThat(received.body().path("code").asText()).startsWith(commune + "-");

		// The commune's own administrator sees neither it nor the province
		assertThat(as("admin").get("/api/v1/units/" + commune).status()).isEqualTo(404);
		assertThat(as("admin")
			.post("/api/v1/units",
					Map.of("code", "XA-KHAC", "name", "Xã Khác", "type", "COMMUNE", "parentCode", "DNAI"))
			.status()).isEqualTo(404);
	}

	@Test
	void refusesUnitsThatDoNotFit() {
		String admin = StaffFixtures.addStaff(this.jdbc, "province-admin", "DNAI", "ADMIN");
		Api.Reply taken = as(admin).post("/api/v1/units",
				Map.of("code", "TRANBIEN", "name", "Trùng mã", "type", "COMMUNE", "parentCode", "DNAI"));
		assertThat(taken.status()).isEqualTo(409);
		Api.Reply belowCommune = as(admin).post("/api/v1/units",
				Map.of("code", "THON-1", "name", "Thôn 1", "type", "COMMUNE", "parentCode", "TRANBIEN"));
		assertThat(belowCommune.status()).isEqualTo(422);
		assertThat(belowCommune.body().path("errors").findValuesAsText("field")).containsExactly("type");
		Api.Reply badCode = as(admin).post("/api/v1/units",
				Map.of("code", "xa moi", "name", "Xã", "type", "COMMUNE", "parentCode", "DNAI"));
		assertThat(badCode.status()).isEqualTo(422);
		assertThat(badCode.body().path("errors").findValuesAsText("field")).containsExactly("code");
		assertThat(as("supervisor")
			.post("/api/v1/units", Map.of("code", "XA-2", "name", "Xã", "type", "COMMUNE", "parentCode", "TRANBIEN"))
			.status()).isEqualTo(403);
		assertThat(as("clerk").get("/api/v1/units/LONGTHANH").status()).isEqualTo(404);
	}

	@Test
	void refusesWhatAnAdministratorMayNotDo() {
		Map<String, Object> request = Map.of("username", "someone-new", "fullName", "Someone", "unitCode", "TRANBIEN",
				"roles", List.of("CLERK"), "password", "mat-khau-2026");
		assertThat(as("supervisor").post("/api/v1/staff", request).status()).isEqualTo(403);
		assertThat(as("admin")
			.post("/api/v1/staff", Map.of("username", "clerk", "fullName", "Dup", "unitCode", "TRANBIEN", "roles",
					List.of("CLERK"), "password", "mat-khau-2026"))
			.status()).isEqualTo(409);
		Api.Reply weak = as("admin").post("/api/v1/staff", Map.of("username", "weak-one", "fullName", "Weak",
				"unitCode", "TRANBIEN", "roles", List.of("CLERK"), "password", "demo"));
		assertThat(weak.status()).isEqualTo(422);
		assertThat(weak.body().path("errors").findValuesAsText("field")).containsExactly("password");
		assertThat(as("admin")
			.post("/api/v1/staff",
					Map.of("username", "far-away", "fullName", "Far", "unitCode", "LONGTHANH", "roles",
							List.of("CLERK"), "password", "mat-khau-2026"))
			.status()).isEqualTo(404);
		assertThat(
				as("admin").patch("/api/v1/staff/clerk2", Map.of("roles", List.of("CLERK"), "enabled", false)).status())
			.isEqualTo(404);
		Api.Reply noRole = as("admin").patch("/api/v1/staff/specialist", Map.of("roles", List.of(), "enabled", true));
		assertThat(noRole.status()).isEqualTo(422);
		assertThat(as("clerk").get("/api/v1/units").body().findValuesAsText("code")).contains("TRANBIEN")
			.doesNotContain("LONGTHANH");
	}

}
