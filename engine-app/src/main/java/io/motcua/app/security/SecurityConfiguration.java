package io.motcua.app.security;

import java.io.IOException;
import java.time.Clock;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import io.motcua.app.system.ProblemKind;
import io.motcua.app.system.Problems;

/**
 * HTTP security of the API ({@link #API_PATHS}); the web UI has its own chain. The API
 * speaks HTTP Basic for people and API keys for machine clients (whose scopes open a few
 * paths) and keeps no session; the public lookup and the health endpoint answer without
 * login; every other actuator endpoint needs ADMIN. Failures are problem details like
 * every other API error. Staff passwords, over HTTP Basic and the login form alike, are
 * checked through {@link ThrottledPasswordCheck} (waits and locks after failed logins)
 * and {@link CredentialCache}; both chains send the same security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

	/**
	 * Paths of the API chain; every other path belongs to the web UI's chain (form
	 * login).
	 */
	static final String[] API_PATHS = { "/api/**", "/public/**", "/actuator/**", "/v3/api-docs", "/v3/api-docs/**",
			"/error" };

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper objectMapper, ApiClients clients,
			ObjectProvider<JwtDecoder> tokens) throws Exception {
		http.securityMatcher(API_PATHS);
		AuthenticationFilter apiKeys = new AuthenticationFilter(
				new ProviderManager(MachineClientAuthentication.provider(clients)),
				MachineClientAuthentication.converter());
		apiKeys.setSuccessHandler((request, response, authentication) -> {
		});
		apiKeys.setFailureHandler((request, response, ex) -> refuse(response, objectMapper, ex,
				Problems.of(ProblemKind.UNAUTHORIZED, "Unknown or revoked API key"), false));
		http.addFilterBefore(apiKeys, BasicAuthenticationFilter.class);
		// With spring.security.oauth2.resourceserver.jwt.* configured,
		// machine clients may present the identity provider's access
		// tokens instead of an API key
		JwtDecoder decoder = tokens.getIfAvailable();
		if (decoder != null) {
			http.oauth2ResourceServer((server) -> server
				.jwt((jwt) -> jwt.decoder(decoder)
					.jwtAuthenticationConverter(MachineClientAuthentication.tokens(clients)))
				.authenticationEntryPoint((request, response, ex) -> writeProblem(response, objectMapper,
						Problems.of(ProblemKind.UNAUTHORIZED, "The access token is invalid, expired or not registered"),
						false)));
		}
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole(Role.ADMIN.name())
			.requestMatchers("/public/**", "/v3/api-docs", "/v3/api-docs/**", "/error")
			.permitAll()
			.anyRequest()
			.access(SecurityConfiguration::apiAccess));
		http.httpBasic((basic) -> basic.realmName("Motcua")
			.authenticationEntryPoint((request, response, ex) -> refuse(response, objectMapper, ex,
					Problems.of(ProblemKind.UNAUTHORIZED, "Log in with a valid user name and password"), true)));
		http.exceptionHandling((handling) -> handling
			.authenticationEntryPoint((request, response, ex) -> writeProblem(response, objectMapper,
					Problems.of(ProblemKind.UNAUTHORIZED, "Log in with a valid user name and password"), true))
			.accessDeniedHandler((request, response, ex) -> writeProblem(response, objectMapper,
					Problems.of(ProblemKind.FORBIDDEN, "Your role does not allow this action"), false)));
		// The API authenticates every request with Basic credentials, so no cookie can be
		// forged.
		http.csrf((csrf) -> csrf.ignoringRequestMatchers("/api/**", "/public/**"));
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		headers(http);
		return http.build();
	}

	/**
	 * The staff web UI: form login with a session and CSRF protection. The login page,
	 * the public lookup page and static assets answer without login.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/lookup", "/lookup/**", "/webjars/**", "/css/**", "/js/**", "/images/**",
					"/favicon.ico")
			.permitAll()
			.anyRequest()
			.authenticated());
		http.formLogin((form) -> form.loginPage("/login")
			.defaultSuccessUrl("/", false)
			.failureHandler(SecurityConfiguration::loginFailed)
			.permitAll());
		http.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"));
		headers(http);
		return http.build();
	}

	/**
	 * Every page and every answer: scripts and styles only from our own files (no inline
	 * script, no inline handler, no style attribute), no plugins, not framed, forms post
	 * only to us, and no address (a lookup link carries its secret) sent to other sites.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.NO_REFERRER)));
	}

	/**
	 * A refused login goes back to the login page: one message for a wrong password, an
	 * unknown user name and a disabled account alike; how long to wait when the account
	 * or the address failed too often.
	 */
	private static void loginFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException ex) throws IOException {
		String target = (ex instanceof TooManyLoginFailures tooMany) ? "/login?locked=" + tooMany.retryAfterSeconds()
				: (ex instanceof AuthenticationServiceException) ? "/login?unavailable" : "/login?error";
		response.sendRedirect(request.getContextPath() + target);
	}

	@Bean
	AuthenticationProvider staffAuthentication(StaffUserDetailsService staff, StaffRepository members,
			PasswordEncoder passwordEncoder, LoginAttempts attempts, SecurityProperties properties, Clock clock) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(passwordEncoder);
		passwords.setUserDetailsService(staff);
		// The password is checked before the account's state: a disabled account then
		// takes as long and answers as a wrong password does, and guesses at it count
		passwords.setPreAuthenticationChecks((user) -> {
		});
		passwords.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return new CredentialCache(new ThrottledPasswordCheck(passwords, attempts), properties.credentialCacheTtl(),
				clock, members::findVersionByUsername);
	}

	/**
	 * Staff reach every API path their roles allow (each endpoint checks its roles); a
	 * machine client reaches only the paths its scopes open.
	 */
	private static AuthorizationDecision apiAccess(Supplier<Authentication> authentication,
			RequestAuthorizationContext context) {
		Authentication caller = authentication.get();
		if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
			return new AuthorizationDecision(false);
		}
		if (caller instanceof MachineClientAuthentication machine) {
			return new AuthorizationDecision(opens(machine.client(), context.getRequest()));
		}
		return new AuthorizationDecision(true);
	}

	private static boolean opens(MachineClient client, HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean read = HttpMethod.GET.matches(request.getMethod());
		if (path.startsWith("/api/v1/hand-overs")) {
			return client.has(ClientScope.DOSSIERS_SUBMIT);
		}
		if (path.startsWith("/api/v1/dossiers/") && read) {
			return client.has(ClientScope.DOSSIERS_READ);
		}
		if (path.startsWith("/api/v1/webhooks")) {
			return client.has(ClientScope.EVENTS_SUBSCRIBE);
		}
		return path.startsWith("/api/v1/event-types") && read;
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * Answers credentials that did not pass: 429 with {@code Retry-After} when the
	 * account or the address failed too often lately (the password was not checked), 503
	 * with {@code Retry-After} when they could not be checked (no database connection
	 * free in time: the server is busy, the caller is not refused), {@code refused}
	 * otherwise.
	 */
	private static void refuse(HttpServletResponse response, ObjectMapper objectMapper, AuthenticationException ex,
			ProblemDetail refused, boolean challenge) throws IOException {
		if (ex instanceof TooManyLoginFailures tooMany) {
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(tooMany.retryAfterSeconds()));
			writeProblem(response, objectMapper,
					Problems.of(ProblemKind.TOO_MANY_REQUESTS,
							"Too many failed logins for this account or from this address; try again in "
									+ tooMany.retryAfterSeconds() + " seconds"),
					false);
			return;
		}
		if (ex instanceof AuthenticationServiceException) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "2");
			writeProblem(response, objectMapper, Problems.of(ProblemKind.SERVICE_UNAVAILABLE,
					"The server is busy and cannot check credentials now; try again in a few seconds"), false);
			return;
		}
		writeProblem(response, objectMapper, refused, challenge);
	}

	/**
	 * A path the firewall refuses (an empty part such as
	 * {@code /api/v1/dossiers//documents}, {@code ..}, encoded slashes) is answered as a
	 * problem like every other refusal, not with the servlet container's error page; it
	 * never reaches a controller.
	 */
	@Bean
	RequestRejectedHandler rejectedRequests(ObjectMapper objectMapper) {
		return (request, response, ex) -> {
			log.warn("Refused a request to a malformed path: {}", ex.getMessage());
			writeProblem(response, objectMapper, Problems.of(ProblemKind.MALFORMED_REQUEST,
					"Đường dẫn không hợp lệ: có phần trống (//) hoặc không chuẩn / The path is not valid: it has an"
							+ " empty part (//) or is not normalised; name the dossier, e.g."
							+ " /api/v1/dossiers/{code}/documents"),
					false);
		};
	}

	private static void writeProblem(HttpServletResponse response, ObjectMapper objectMapper, ProblemDetail problem,
			boolean challenge) throws IOException {
		if (challenge) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Motcua\"");
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		objectMapper.writeValue(response.getOutputStream(), problem);
	}

}
