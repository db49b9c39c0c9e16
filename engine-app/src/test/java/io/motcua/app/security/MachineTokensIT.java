package io.motcua.app.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.testidp.TokenServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Machine clients with OAuth2 client credentials: a real authorization server (Spring
 * Authorization Server) issues JWT access tokens; the application validates them against
 * its published keys and lets a client do what both its registration and its token's
 * scopes allow.
 */
class MachineTokensIT extends ApplicationIT {

	private static final TokenServer tokens = TokenServer.start(
			List.of("dossiers:read", "dossiers:submit", "events:subscribe"), "portal-oauth", "s3cret-portal",
			"stranger", "s3cret-stranger");

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", tokens::jwkSetUri);
	}

	@AfterAll
	static void stop() {
		tokens.close();
	}

	@Test
	void aRegisteredClientDoesWhatItsRegistrationAndItsTokenBothAllow() throws Exception {
		Api.Reply registered = as("admin").post("/api/v1/admin/api-clients", Map.of("name", "portal-oauth-client",
				"oauthClientId", "portal-oauth", "scopes", List.of("dossiers:read"), "units", List.of("TRANBIEN")));
		assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
		assertThat(registered.body().path("apiKey").isNull()).isTrue();
		String code = receiveDossier("clerk");

		Api reader = bearer(token("portal-oauth", "s3cret-portal", "dossiers:read"));
		Api.Reply dossier = reader.get("/api/v1/dossiers/" + code);
		assertThat(dossier.status()).as(dossier.body().toString()).isEqualTo(200);
		assertThat(dossier.text("code")).isEqualTo(code);

		// Registered for reading only: a token that also claims submission gains nothing
		Api submitter = bearer(token("portal-oauth", "s3cret-portal", "dossiers:read dossiers:submit"));
		assertThat(submitter.get("/api/v1/hand-overs/nothing").status()).isEqualTo(403);
		// A token without the scope does not open the path the registration would
		Api subscriberOnly = bearer(token("portal-oauth", "s3cret-portal", "events:subscribe"));
		assertThat(subscriberOnly.get("/api/v1/dossiers/" + code).status()).isEqualTo(403);
	}

	@Test
	void tokensOfUnregisteredClientsAndForgedTokensAreRefused() throws Exception {
		String code = receiveDossier("clerk");
		assertThat(
				bearer(token("stranger", "s3cret-stranger", "dossiers:read")).get("/api/v1/dossiers/" + code).status())
			.isEqualTo(401);
		String valid = token("portal-oauth", "s3cret-portal", "dossiers:read");
		String[] parts = valid.split("\\.");
		String forged = parts[0] + "." + Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString("{\"sub\":\"portal-oauth\",\"client_id\":\"portal-oauth\",\"scope\":[\"dossiers:read\"]}"
				.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
		assertThat(bearer(forged).get("/api/v1/dossiers/" + code).status()).isEqualTo(401);
		assertThat(bearer("not-a-token").get("/api/v1/dossiers/" + code).status()).isEqualTo(401);
	}

	private Api bearer(String token) {
		return Api.anonymous(this.port).withHeader("Authorization", "Bearer " + token);
	}

	private static String token(String clientId, String secret, String scope) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(tokens.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope.replace(" ", "+")))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new ObjectMapper().readTree(response.body()).path("access_token").asText();
	}

}
