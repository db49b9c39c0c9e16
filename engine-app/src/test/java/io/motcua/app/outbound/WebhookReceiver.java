package io.motcua.app.outbound;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook subscriber as a receiver would write one: checks each delivery's Standard
 * Webhooks signature (and its timestamp) with the library receivers use, drops an event
 * id it has accepted before, and keeps what it accepted in order of arrival. Each path
 * answers what the test says ({@link #answer}).
 */
final class WebhookReceiver implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final HttpServer server;

	private final Map<String, String> secrets = new ConcurrentHashMap<>();

	private final Map<String, IntSupplier> answers = new ConcurrentHashMap<>();

	private final Map<String, List<JsonNode>> accepted = new ConcurrentHashMap<>();

	private final Map<String, Set<String>> acceptedIds = new ConcurrentHashMap<>();

	private final List<String> refusedSignatures = new CopyOnWriteArrayList<>();

	private final List<String> duplicates = new CopyOnWriteArrayList<>();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", this::handle);
		this.server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
		this.server.start();
	}

	/** The URL of a path on this receiver. */
	String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** The secret deliveries to this path are signed with. */
	void secret(String path, String secret) {
		this.secrets.put(path, secret);
	}

	/** What this path answers (a status), asked once per delivery. */
	void answer(String path, IntSupplier status) {
		this.answers.put(path, status);
	}

	/** The events a path accepted, in order of arrival, each once. */
	List<JsonNode> accepted(String path) {
		return new ArrayList<>(this.accepted.getOrDefault(path, List.of()));
	}

	/** Events about one dossier a path accepted, in order of arrival. */
	List<JsonNode> acceptedFor(String path, String dossierCode) {
		return accepted(path).stream().filter((event) -> dossierCode.equals(event.path("subject").asText())).toList();
	}

	/** Deliveries whose signature did not verify. */
	List<String> refusedSignatures() {
		return this.refusedSignatures;
	}

	/** Ids delivered again after they were accepted (dropped, as a receiver should). */
	Set<String> duplicates() {
		return new LinkedHashSet<>(this.duplicates);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		int status = this.answers.getOrDefault(path, () -> 204).getAsInt();
		if (status / 100 == 2) {
			try {
				Map<String, List<String>> headers = new java.util.HashMap<>();
				exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
				new Webhook(this.secrets.get(path)).verify(body, headers);
				JsonNode event = JSON.readTree(body);
				String id = exchange.getRequestHeaders().getFirst("webhook-id");
				if (!id.equals(event.path("id").asText())) {
					throw new WebhookVerificationException("webhook-id is not the event's id");
				}
				if (this.acceptedIds.computeIfAbsent(path, (key) -> ConcurrentHashMap.newKeySet()).add(id)) {
					this.accepted.computeIfAbsent(path, (key) -> new CopyOnWriteArrayList<>()).add(event);
				}
				else {
					this.duplicates.add(id);
				}
			}
			catch (WebhookVerificationException | RuntimeException ex) {
				this.refusedSignatures.add(path + ": " + ex.getMessage());
				status = 400;
			}
		}
		exchange.sendResponseHeaders(status, -1);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
