package io.motcua.app.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.convert.converter.Converter;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.transaction.TransactionException;

/**
 * A machine client's request: before checking, it carries the API key the request
 * presented (header {@code X-API-Key}); once checked (the key, or an access token), the
 * {@link MachineClient} with its scopes as authorities ({@code SCOPE_dossiers:submit}).
 * No role: a machine client never passes a staff role check.
 */
final class MachineClientAuthentication extends AbstractAuthenticationToken {

	/** The header an API key travels in. */
	static final String HEADER = "X-API-Key";

	private final String key;

	private final MachineClient client;

	private MachineClientAuthentication(String key) {
		super(List.of());
		this.key = key;
		this.client = null;
	}

	MachineClientAuthentication(MachineClient client) {
		super(client.scopes().stream().map((scope) -> new SimpleGrantedAuthority(scope.authority())).toList());
		this.key = null;
		this.client = client;
		setAuthenticated(true);
	}

	MachineClient client() {
		return this.client;
	}

	@Override
	public Object getCredentials() {
		return this.key;
	}

	@Override
	public Object getPrincipal() {
		return (this.client != null) ? this.client : "api-key";
	}

	@Override
	public String getName() {
		return (this.client != null) ? this.client.actor() : "api-key";
	}

	/** Reads the API key of a request, when it has one. */
	static AuthenticationConverter converter() {
		return (HttpServletRequest request) -> {
			String key = request.getHeader(HEADER);
			return (key != null && !key.isBlank()) ? new MachineClientAuthentication(key.strip()) : null;
		};
	}

	/**
	 * Turns a validated access token (client credentials) into the registered client it
	 * names: by {@code client_id} (Spring Authorization Server), else {@code azp}
	 * (Keycloak), else {@code sub}. The client gets the scopes the token carries that it
	 * was registered with, no more.
	 */
	static Converter<Jwt, AbstractAuthenticationToken> tokens(ApiClients clients) {
		return (Jwt jwt) -> {
			String clientId = Stream.of("client_id", "azp", "sub")
				.map(jwt::getClaimAsString)
				.filter((value) -> value != null && !value.isBlank())
				.findFirst()
				.orElseThrow(() -> new BadCredentialsException("The access token names no client"));
			MachineClient registered = clients.byOauthClientId(clientId)
				.orElseThrow(() -> new BadCredentialsException("Client " + clientId + " is not registered"));
			Set<String> granted = new HashSet<>();
			Object scope = jwt.getClaims().get("scope");
			if (scope instanceof String text) {
				granted.addAll(Arrays.asList(text.split(" ")));
			}
			else if (scope instanceof Collection<?> list) {
				list.forEach((item) -> granted.add(String.valueOf(item)));
			}
			Set<ClientScope> scopes = registered.scopes()
				.stream()
				.filter((candidate) -> granted.contains(candidate.value()))
				.collect(Collectors.toSet());
			return new MachineClientAuthentication(new MachineClient(registered.name(), registered.unitCode(),
					registered.units(), scopes, registered.eventTypes()));
		};
	}

	/** Checks an API key against the registered clients. */
	static AuthenticationProvider provider(ApiClients clients) {
		return new AuthenticationProvider() {

			@Override
			public Authentication authenticate(Authentication authentication) throws AuthenticationException {
				String key = (String) authentication.getCredentials();
				Optional<MachineClient> client;
				try {
					client = clients.byKey(key);
				}
				catch (DataAccessException | TransactionException ex) {
					// The key could not be checked (no database connection in time): the
					// server is busy, the caller is not refused
					throw new AuthenticationServiceException("Cannot check the API key now", ex);
				}
				return client.map(MachineClientAuthentication::new)
					.orElseThrow(() -> new BadCredentialsException("Unknown or revoked API key"));
			}

			@Override
			public boolean supports(Class<?> type) {
				return MachineClientAuthentication.class.isAssignableFrom(type);
			}

		};
	}

}
