package io.motcua.app.portal;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ClientCredentialsOAuth2AuthorizedClientProvider;
import org.springframework.security.oauth2.client.InMemoryOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.endpoint.RestClientClientCredentialsTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.web.client.RestClient;

/**
 * OAuth2 client credentials, through Spring Security's OAuth2 client: a token from the
 * portal's token endpoint, kept (in this node's memory) until a minute before it expires
 * or until the portal refuses it. The client registration is built here from the portal's
 * settings and is no bean, so that it neither meets nor changes the registrations of
 * {@code spring.security.oauth2.client} (the citizens' sign-in).
 */
final class ClientCredentials implements PortalCredential {

	/** The registration's id, and so the key of the kept token. */
	static final String REGISTRATION = "national-portal";

	/** Who the token is for: this installation, not a person. */
	private static final String PRINCIPAL = "motcua";

	private final AuthorizedClientServiceOAuth2AuthorizedClientManager manager;

	private final OAuth2AuthorizedClientService tokens;

	ClientCredentials(PortalProperties.OAuth2 settings, Duration timeout, Clock clock) {
		ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.clientId(settings.clientId())
			.clientSecret(settings.clientSecret())
			.clientAuthenticationMethod((settings.clientAuthentication() == PortalProperties.ClientAuthentication.POST)
					? ClientAuthenticationMethod.CLIENT_SECRET_POST : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.tokenUri(settings.tokenUri().toString())
			.scope(settings.scope())
			.build();
		InMemoryClientRegistrationRepository registrations = new InMemoryClientRegistrationRepository(registration);
		this.tokens = new InMemoryOAuth2AuthorizedClientService(registrations);
		RestClientClientCredentialsTokenResponseClient tokenEndpoint = new RestClientClientCredentialsTokenResponseClient();
		tokenEndpoint.setRestClient(tokenClient(timeout));
		ClientCredentialsOAuth2AuthorizedClientProvider provider = new ClientCredentialsOAuth2AuthorizedClientProvider();
		provider.setAccessTokenResponseClient(tokenEndpoint);
		provider.setClock(clock);
		this.manager = new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations, this.tokens);
		this.manager.setAuthorizedClientProvider(provider);
	}

	/**
	 * The client Spring Security would use, with timeouts: a token endpoint that does not
	 * answer holds up the portal's deliveries for {@code timeout} at most.
	 */
	private static RestClient tokenClient(Duration timeout) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		requests.setReadTimeout(timeout);
		return RestClient.builder().requestFactory(requests).messageConverters((converters) -> {
			converters.clear();
			converters.add(new FormHttpMessageConverter());
			converters.add(new OAuth2AccessTokenResponseHttpMessageConverter());
		}).defaultStatusHandler(new OAuth2ErrorResponseErrorHandler()).build();
	}

	@Override
	public void authorize(HttpRequest.Builder push) {
		OAuth2AuthorizedClient client = this.manager
			.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(REGISTRATION).principal(PRINCIPAL).build());
		if (client == null) {
			throw new IllegalStateException("The portal's token endpoint gave no token");
		}
		push.header(HttpHeaders.AUTHORIZATION, "Bearer " + client.getAccessToken().getTokenValue());
	}

	@Override
	public void refused() {
		this.tokens.removeAuthorizedClient(REGISTRATION, PRINCIPAL);
	}

}
