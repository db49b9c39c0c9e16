package io.motcua.app.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a reverse proxy that ends TLS: redirects go to the address the browser used and
 * the session cookie is Secure (and always HttpOnly and SameSite=Lax);
 * {@code /actuator/info} says which build a node runs.
 */
class BehindProxyIT extends ApplicationIT {

	@Test
	void redirectsFollowTheProxysForwardedHeadersAndTheSessionCookieIsSecure() throws Exception {
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/worklist"))
				.header("X-Forwarded-Proto", "https")
				.header("X-Forwarded-Host", "motcua.dongnai.gov.vn")
				.header("X-Forwarded-For", "203.0.113.7")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).hasValue("https://motcua.dongnai.gov.vn/login");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(
				(cookie) -> assertThat(cookie).startsWith("SESSION=").contains("Secure", "HttpOnly", "SameSite=Lax"));

		HttpResponse<String> direct = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/worklist")).build(),
					HttpResponse.BodyHandlers.ofString());
		assertThat(direct.headers().firstValue("Location")).hasValue("http://localhost:" + this.port + "/login");
		// Over plain HTTP the cookie cannot be Secure, but is still kept from scripts
		// and from requests other sites start
		assertThat(direct.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=")
				.contains("HttpOnly", "SameSite=Lax")
				.doesNotContain("Secure"));
	}

	@Test
	void theInfoEndpointSaysWhichBuildRuns() {
		Api.Reply info = as("admin").get("/actuator/info");
		assertThat(info.status()).isEqualTo(200);
		assertThat(info.body().path("build").path("artifact").asText()).isEqualTo("motcua-engine-app");
		assertThat(info.body().path("build").path("version").asText()).isNotBlank();
		assertThat(as("clerk").get("/actuator/info").status()).isEqualTo(403);
	}

}
