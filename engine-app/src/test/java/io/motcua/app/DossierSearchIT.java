package io.motcua.app;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.app.dossier.DossierService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code q} in the dossier list finds dossiers by the text of their documents (PostgreSQL
 * full-text search), within the caller's units only.
 */
class DossierSearchIT extends ApplicationIT {

	@Autowired
	DossierService dossiers;

	@Test
	void findsDossierByWordsOfItsDocumentsWithinTheCallersUnits() {
		String code = receiveDossier("clerk");
		String other = receiveDossier("clerk");
		this.dossiers.appendSearchText(code,
				"HỢP ĐỒNG THUÊ NHÀ số 17/2026 tại phường Trấn Biên, bên thuê: Cửa hàng Hoa Sen");
		this.dossiers.appendSearchText(other, "Giấy chứng nhận quyền sử dụng đất");

		Api.Reply found = as("clerk").get("/api/v1/dossiers?q=c%E1%BB%ADa%20h%C3%A0ng%20hoa%20sen&size=200");
		assertThat(found.status()).isEqualTo(200);
		assertThat(found.body().path("items").findValuesAsText("code")).contains(code).doesNotContain(other);
		assertThat(as("clerk").get("/api/v1/dossiers?q=h%E1%BB%A3p%20%C4%91%E1%BB%93ng&size=200")
			.body()
			.path("items")
			.findValuesAsText("code")).contains(code).doesNotContain(other);
		assertThat(
				as("clerk2").get("/api/v1/dossiers?q=hoa%20sen&size=200").body().path("items").findValuesAsText("code"))
			.doesNotContain(code);
		assertThat(as("clerk").get("/api/v1/dossiers?q=" + "x".repeat(201)).status()).isEqualTo(422);
	}

}
