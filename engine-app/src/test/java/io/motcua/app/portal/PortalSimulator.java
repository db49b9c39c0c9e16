package io.motcua.app.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The national portal as {@code docs/PORTAL.md} describes it, for tests: takes status
 * pushes at {@link #STATUS_PATH} with an API key or a bearer token it issued, checks each
 * against the contract (exactly the documented fields), drops an event id it has accepted
 * before (answering 200 all the same) and keeps what it accepted per dossier in order of
 * arrival. For OAuth2 it issues opaque tokens at {@link #TOKEN_PATH} (client_credentials
 * grant, client authenticated by HTTP Basic or in the form). It can be stopped and
 * started again on the same port, made to refuse a dossier's pushes, and made to forget
 * the tokens it issued.
 */
final class PortalSimulator implements AutoCloseable {

	static final String STATUS_PATH = "/api/v1/dossier-status";

	static final String TOKEN_PATH = "/oauth2/token";

	/** The fields of a push, no more, no fewer. */
	static final Set<String> FIELDS = Set.of("eventId", "dossierCode", "portalDossierCode", "dossiersequence",
			"unitIdentifier", "statusCode", "status", "statusAt");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final SecureRandom RANDOM = new SecureRandom();

	private final String apiKeyHeader;

	private final String apiKey;

	private final String clientId;

	private final String clientSecret;

	private final ExecutorService threads = Executors.newFixedThreadPool(4);

	private final Map<String, List<JsonNode>> accepted = new ConcurrentHashMap<>();

	private final Set<String> acceptedIds = ConcurrentHashMap.newKeySet();

	private final AtomicInteger duplicates = new AtomicInteger();

	private final List<String> unauthorized = new CopyOnWriteArrayList<>();

	private final List<String> malformed = new CopyOnWriteArrayList<>();

	private final Map<String, Rejection> rejections = new ConcurrentHashMap<>();

	private final Set<String> tokens = ConcurrentHashMap.newKeySet();

	private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

	private volatile HttpServer server;

	private int port;

	private PortalSimulator(String apiKeyHeader, String apiKey, String clientId, String clientSecret) {
		this.apiKeyHeader = apiKeyHeader;
		this.apiKey = apiKey;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
	}

	/** A portal that takes pushes with this API key in this header; started. */
	static PortalSimulator withApiKey(String header, String key) {
		return new PortalSimulator(header, key, null, null).start();
	}

	/**
	 * A portal that takes pushes with bearer tokens it issued to this client; started.
	 */
	static PortalSimulator withOAuth2(String clientId, String clientSecret) {
		return new PortalSimulator(null, null, clientId, clientSecret).start();
	}

	/**
	 * Starts listening: on a free port the first time, on the same port afterwards. What
	 * it accepted and the tokens it issued survive a stop and start.
	 */
	synchronized PortalSimulator start() {
		if (this.server != null) {
			return this;
		}
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", this.port), 0);
			created.createContext(STATUS_PATH, this::status);
			created.createContext(TOKEN_PATH, this::token);
			created.setExecutor(this.threads);
			created.start();
			this.port = created.getAddress().getPort();
			this.server = created;
			return this;
		}
		catch (BindException ex) {
			throw new IllegalStateException("Port " + this.port + " was taken while the portal was down", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Stops listening: connections are refused until {@link #start()}. */
	synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	@Override
	public void close() {
		stop();
		this.threads.shutdownNow();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.port;
	}

	/** Answers {@code status} to pushes of this dossier that set this status. */
	void reject(String dossierCode, String ourStatus, int status) {
		this.rejections.put(dossierCode, new Rejection(ourStatus, status));
	}

	/** Takes this dossier's pushes again. */
	void accept(String dossierCode) {
		this.rejections.remove(dossierCode);
	}

	/** Forgets every token it issued: pushes with them are answered 401. */
	void revokeTokens() {
		this.tokens.clear();
	}

	/** The pushes accepted about a dossier, each event once, in order of arrival. */
	List<JsonNode> pushes(String dossierCode) {
		return new ArrayList<>(this.accepted.getOrDefault(dossierCode, List.of()));
	}

	/** The statuses accepted about a dossier, as our status names. */
	List<String> statuses(String dossierCode) {
		return pushes(dossierCode).stream().map((push) -> push.path("status").asText()).toList();
	}

	/** The standard's codes accepted about a dossier. */
	List<String> codes(String dossierCode) {
		return pushes(dossierCode).stream().map((push) -> push.path("statusCode").asText()).toList();
	}

	/** How many pushes came again after they had been accepted. */
	int duplicates() {
		return this.duplicates.get();
	}

	/** Pushes refused for a missing or wrong credential. */
	List<String> unauthorized() {
		return List.copyOf(this.unauthorized);
	}

	/** Pushes that broke the contract. */
	List<String> malformed() {
		return List.copyOf(this.malformed);
	}

	/**
	 * Tokens issued, each as the client authentication it came with ("basic", "post").
	 */
	List<String> tokenRequests() {
		return List.copyOf(this.tokenRequests);
	}

	private void status(HttpExchange exchange) throws IOException {
		try (exchange) {
			String body = read(exchange);
			if (!"POST".equals(exchange.getRequestMethod())) {
				answer(exchange, 405, Map.of("error", "method_not_allowed"));
				return;
			}
			if (!authorized(exchange)) {
				this.unauthorized.add(body);
				answer(exchange, 401, Map.of("error", "unauthorized"));
				return;
			}
			JsonNode push;
			try {
				push = JSON.readTree(body);
			}
			catch (IOException ex) {
				this.malformed.add(body);
				answer(exchange, 400, Map.of("error", "not JSON"));
				return;
			}
			Set<String> fields = new java.util.HashSet<>();
			push.fieldNames().forEachRemaining(fields::add);
			String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
			if (!fields.equals(FIELDS) || push.path("eventId").asText().isBlank()
					|| !push.path("dossiersequence").canConvertToLong() || push.path("statusCode").asText().isBlank()
					|| contentType == null || !contentType.startsWith("application/json")) {
				this.malformed.add(body);
				answer(exchange, 400, Map.of("error", "fields " + fields + " are not " + FIELDS));
				return;
			}
			String dossierCode = push.path("dossierCode").asText();
			Rejection rejection = this.rejections.get(dossierCode);
			if (rejection != null && rejection.ourStatus().equals(push.path("status").asText())) {
				answer(exchange, rejection.status(),
						Map.of("error", "invalid_status", "message", "Hồ sơ " + dossierCode + " không hợp lệ"));
				return;
			}
			synchronized (this) {
				if (this.acceptedIds.add(push.path("eventId").asText())) {
					this.accepted.computeIfAbsent(dossierCode, (code) -> new CopyOnWriteArrayList<>()).add(push);
				}
				else {
					this.duplicates.incrementAndGet();
				}
			}
			answer(exchange, 200, Map.of("accepted", true));
		}
	}

	private boolean authorized(HttpExchange exchange) {
		if (this.apiKey != null) {
			return this.apiKey.equals(exchange.getRequestHeaders().getFirst(this.apiKeyHeader));
		}
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		return authorization != null && authorization.startsWith("Bearer ")
				&& this.tokens.contains(authorization.substring("Bearer ".length()));
	}

	private void token(HttpExchange exchange) throws IOException {
		try (exchange) {
			Map<String, String> form = form(read(exchange));
			String id = form.get("client_id");
			String secret = form.get("client_secret");
			String method = "post";
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			if (authorization != null && authorization.startsWith("Basic ")) {
				String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6)),
						StandardCharsets.UTF_8)
					.split(":", 2);
				id = URLDecoder.decode(pair[0], StandardCharsets.UTF_8);
				secret = (pair.length > 1) ? URLDecoder.decode(pair[1], StandardCharsets.UTF_8) : null;
				method = "basic";
			}
			if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))) {
				answer(exchange, 400, Map.of("error", "unsupported_grant_type"));
				return;
			}
			if (!this.clientId.equals(id) || !this.clientSecret.equals(secret)) {
				answer(exchange, 401, Map.of("error", "invalid_client"));
				return;
			}
			byte[] random = new byte[24];
			RANDOM.nextBytes(random);
			String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
			this.tokens.add(token);
			this.tokenRequests.add(method);
			Map<String, Object> answer = new LinkedHashMap<>();
			answer.put("access_token", token);
			answer.put("token_type", "Bearer");
			answer.put("expires_in", 300);
			if (form.containsKey("scope")) {
				answer.put("scope", form.get("scope"));
			}
			answer(exchange, 200, answer);
		}
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			if (!pair.isEmpty()) {
				String[] parts = pair.split("=", 2);
				form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
						(parts.length > 1) ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
			}
		}
		return form;
	}

	private static String read(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static void answer(HttpExchange exchange, int status, Map<String, ?> body) throws IOException {
		byte[] bytes = JSON.writeValueAsBytes(body);
		exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	private record Rejection(String ourStatus, int status) {
	}

}
