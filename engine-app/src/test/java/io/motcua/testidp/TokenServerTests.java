package io.motcua.testidp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The test identity provider publishes its keys and issues client-credentials tokens. */
class TokenServerTests {

	@Test
	void issuesATokenToAKnownClientAndRefusesAnUnknownOne() throws Exception {
		try (TokenServer server = TokenServer.start(List.of("dossiers:read"), "known", "secret")) {
			HttpClient http = HttpClient.newHttpClient();
			HttpResponse<String> keys = http.send(HttpRequest.newBuilder(URI.create(server.jwkSetUri())).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(keys.statusCode()).isEqualTo(200);
			assertThat(keys.body()).contains("\"kty\":\"RSA\"");
			assertThat(token(http, server, "known:secret").statusCode()).isEqualTo(200);
			assertThat(token(http, server, "known:wrong").statusCode()).isEqualTo(401);
		}
	}

	private static HttpResponse<String> token(HttpClient http, TokenServer server, String credentials)
			throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(server.tokenUri()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=dossiers:read"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
