package io.motcua.testidp;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.web.SecurityFilterChain;

/**
 * A province's identity provider, for tests (outside {@code io.motcua.app}, so the
 * application's component scan never finds it): Spring Authorization Server in a small
 * context of its own (no auto-configuration, so none of the application's beans), on a
 * free port, issuing client-credentials access tokens (JWT, RS256 with a key made at
 * start) to the clients it was given. Secrets are {@code {noop}} plain text: test clients
 * only.
 */
public final class TokenServer implements AutoCloseable {

	private final AnnotationConfigServletWebServerApplicationContext context;

	private TokenServer(AnnotationConfigServletWebServerApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a server knowing these clients (id, then secret), each allowed these scopes.
	 */
	public static TokenServer start(List<String> scopes, String... clientIdsAndSecrets) {
		AnnotationConfigServletWebServerApplicationContext context = new AnnotationConfigServletWebServerApplicationContext();
		context.registerBean(Clients.class, () -> new Clients(scopes, clientIdsAndSecrets));
		context.register(Server.class);
		context.refresh();
		return new TokenServer(context);
	}

	/** Where it publishes its keys: the application's {@code jwk-set-uri}. */
	public String jwkSetUri() {
		return base() + "/oauth2/jwks";
	}

	/** Where clients get tokens. */
	public String tokenUri() {
		return base() + "/oauth2/token";
	}

	private String base() {
		return "http://127.0.0.1:" + this.context.getWebServer().getPort();
	}

	@Override
	public void close() {
		this.context.close();
	}

	record Clients(List<String> scopes, String... idsAndSecrets) {
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class Server {

		@Bean
		TomcatServletWebServerFactory webServer() {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
			factory.setAddress(java.net.InetAddress.getLoopbackAddress());
			// Tomcat runs filters only for a request some servlet maps: the default
			// servlet
			// stands behind the authorization server's filters
			factory.setRegisterDefaultServlet(true);
			return factory;
		}

		/**
		 * Without Spring Boot's auto-configuration, the filter chain is put in front by
		 * hand.
		 */
		@Bean
		DelegatingFilterProxyRegistrationBean securityFilter() {
			return new DelegatingFilterProxyRegistrationBean("springSecurityFilterChain");
		}

		@Bean
		SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
			OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
			http.securityMatcher(server.getEndpointsMatcher())
				.with(server, Customizer.withDefaults())
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.csrf((csrf) -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
			return http.build();
		}

		@Bean
		RegisteredClientRepository clients(Clients clients) {
			java.util.List<RegisteredClient> registered = new java.util.ArrayList<>();
			for (int i = 0; i + 1 < clients.idsAndSecrets().length; i += 2) {
				RegisteredClient.Builder client = RegisteredClient.withId(UUID.randomUUID().toString())
					.clientId(clients.idsAndSecrets()[i])
					.clientSecret("{noop}" + clients.idsAndSecrets()[i + 1])
					.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
					.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
					.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build());
				clients.scopes().forEach(client::scope);
				registered.add(client.build());
			}
			return new InMemoryRegisteredClientRepository(registered);
		}

		@Bean
		JWKSource<SecurityContext> keys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		AuthorizationServerSettings settings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
