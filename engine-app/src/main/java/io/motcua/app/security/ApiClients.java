package io.motcua.app.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * Machine clients, registered by administrators: each gets an API key, shown once, or
 * names the OAuth2 client id its tokens carry; each is limited to scopes, to units the
 * administrator sees, and to event types.
 */
@Service
public class ApiClients {

	private static final Logger log = LoggerFactory.getLogger(ApiClients.class);

	/** What every key starts with, so that a leaked one is recognisable. */
	static final String KEY_PREFIX = "mck_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ApiClientRepository clients;

	private final StaffDirectory directory;

	private final Clock clock;

	ApiClients(ApiClientRepository clients, StaffDirectory directory, Clock clock) {
		this.clients = clients;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * Registers a client. Check every field → store it (with the key's hash) → answer the
	 * key, this once.
	 * @throws ProblemException 422 naming each field that breaks a rule; nothing is
	 * stored
	 */
	@Transactional
	public RegisteredClient register(ClientRequest request) {
		Caller caller = this.directory.currentCaller();
		List<FieldError> errors = new ArrayList<>();
		String name = (request.name() != null) ? request.name().strip() : "";
		if (name.isEmpty() || name.length() > 100 || !name.matches("[A-Za-z0-9._-]+")) {
			errors.add(new FieldError("name",
					"bắt buộc, tối đa 100 ký tự chữ, số, . _ - /" + " required: up to 100 letters, digits, . _ -"));
		}
		else if (this.clients.existsByName(name)) {
			errors.add(new FieldError("name", "đã có máy khách tên này / a client with this name exists"));
		}
		String unit = (request.unitCode() != null) ? request.unitCode() : caller.unitCode();
		if (!caller.sees(unit)) {
			errors.add(new FieldError("unitCode", "không có đơn vị này trong phạm vi của bạn / unknown unit"));
		}
		Set<String> units = new LinkedHashSet<>();
		for (String code : (request.units() != null && !request.units().isEmpty()) ? request.units() : List.of(unit)) {
			if (caller.sees(code)) {
				units.add(code);
			}
			else {
				errors.add(
						new FieldError("units", "không có đơn vị '" + code + "' trong phạm vi của bạn / unknown unit"));
			}
		}
		Set<ClientScope> scopes = new LinkedHashSet<>();
		for (String scope : (request.scopes() != null) ? request.scopes() : List.<String>of()) {
			ClientScope.named(scope)
				.ifPresentOrElse(scopes::add, () -> errors.add(new FieldError("scopes", "không có quyền '" + scope
						+ "' (dossiers:submit, dossiers:read, events:subscribe) / unknown scope")));
		}
		if (scopes.isEmpty() && (request.scopes() == null || request.scopes().isEmpty())) {
			errors.add(new FieldError("scopes", "cần ít nhất một quyền / at least one scope"));
		}
		List<String> eventTypes = (request.eventTypes() != null) ? request.eventTypes() : List.of();
		if (eventTypes.stream().anyMatch((type) -> !type.matches("vn\\.motcua\\.[a-z0-9.-]+"))) {
			errors.add(new FieldError("eventTypes", "loại sự kiện dạng vn.motcua.dossier.received.v1 /"
					+ " event types look like vn.motcua.dossier.received.v1"));
		}
		String oauthClientId = (request.oauthClientId() != null && !request.oauthClientId().isBlank())
				? request.oauthClientId().strip() : null;
		if (oauthClientId != null && oauthClientId.length() > 200) {
			errors.add(new FieldError("oauthClientId", "tối đa 200 ký tự / at most 200 characters"));
		}
		else if (oauthClientId != null && this.clients.findByOauthClientId(oauthClientId).isPresent()) {
			errors.add(new FieldError("oauthClientId", "đã được đăng ký / already registered"));
		}
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("Máy khách không hợp lệ / The client breaks a rule", errors);
		}
		String key = null;
		String prefix = null;
		String hash = null;
		if (oauthClientId == null) {
			prefix = randomText(6);
			key = KEY_PREFIX + prefix + "_" + randomText(32);
			hash = DigestUtils.sha256Hex(key);
		}
		ApiClient client = new ApiClient(UUID.randomUUID().toString(), name, prefix, hash, oauthClientId, unit, units,
				scopes, eventTypes, caller.username(), this.clock.instant());
		this.clients.save(client);
		log.info("Machine client {} registered by {} with scopes {} for units {}", name, caller.username(), scopes,
				units);
		return new RegisteredClient(view(client), key);
	}

	/** Every client, newest first. */
	@Transactional(readOnly = true)
	public List<ClientView> clients() {
		return this.clients.findAllByOrderByCreatedAtDesc().stream().map(ApiClients::view).toList();
	}

	/**
	 * Revokes a client: its key or tokens are refused from the next request on.
	 * @throws ProblemException 404 when there is none
	 */
	@Transactional
	public void revoke(String id) {
		ApiClient client = this.clients.findById(id)
			.orElseThrow(() -> ProblemException.notFound("No machine client " + id));
		client.revoke();
		log.info("Machine client {} revoked by {}", client.name(), this.directory.currentActor());
	}

	/** The active client an API key belongs to. */
	@Transactional(readOnly = true)
	Optional<MachineClient> byKey(String key) {
		if (key == null || !key.startsWith(KEY_PREFIX)) {
			return Optional.empty();
		}
		int end = key.indexOf('_', KEY_PREFIX.length());
		if (end < 0) {
			return Optional.empty();
		}
		byte[] presented = DigestUtils.sha256Hex(key).getBytes(StandardCharsets.US_ASCII);
		return this.clients.findByKeyPrefix(key.substring(KEY_PREFIX.length(), end))
			.filter(ApiClient::isActive)
			.filter((client) -> MessageDigest.isEqual(presented, client.keyHash().getBytes(StandardCharsets.US_ASCII)))
			.map(ApiClient::client);
	}

	/** The active client an OAuth2 client id (a token's {@code client_id}) belongs to. */
	@Transactional(readOnly = true)
	Optional<MachineClient> byOauthClientId(String clientId) {
		return this.clients.findByOauthClientId(clientId).filter(ApiClient::isActive).map(ApiClient::client);
	}

	private static ClientView view(ApiClient client) {
		MachineClient machine = client.client();
		return new ClientView(client.id(), client.name(),
				(client.keyPrefix() != null) ? KEY_PREFIX + client.keyPrefix() + "_…" : null, client.oauthClientId(),
				machine.unitCode(), List.copyOf(machine.units()),
				machine.scopes().stream().map(ClientScope::value).sorted().toList(), List.copyOf(machine.eventTypes()),
				client.isActive(), client.createdBy(), client.createdAt());
	}

	private static String randomText(int bytes) {
		byte[] random = new byte[bytes];
		RANDOM.nextBytes(random);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(random).replace('_', 'x').replace('-', 'y');
	}

	/**
	 * A client to register.
	 *
	 * @param name its name, unique ({@code cong-dvc-quoc-gia})
	 * @param unitCode the unit it acts for, null for the administrator's
	 * @param units the units whose dossiers it may touch, empty for its own unit
	 * @param scopes what it may do ({@code dossiers:submit}, {@code dossiers:read},
	 * {@code events:subscribe})
	 * @param eventTypes the event types it may subscribe to, empty for all
	 * @param oauthClientId the client id its OAuth2 tokens carry; null to get an API key
	 */
	public record ClientRequest(String name, String unitCode, List<String> units, List<String> scopes,
			List<String> eventTypes, String oauthClientId) {
	}

	/**
	 * A registered client.
	 *
	 * @param id its id
	 * @param name its name
	 * @param keyHint the start of its API key, null for an OAuth2 client
	 * @param oauthClientId its OAuth2 client id, null for an API key
	 * @param unitCode the unit it acts for
	 * @param units the units it may touch
	 * @param scopes what it may do
	 * @param eventTypes the event types it may subscribe to, empty for all
	 * @param active whether it is still accepted
	 * @param createdBy who registered it
	 * @param createdAt when
	 */
	public record ClientView(String id, String name, String keyHint, String oauthClientId, String unitCode,
			List<String> units, List<String> scopes, List<String> eventTypes, boolean active, String createdBy,
			Instant createdAt) {
	}

	/**
	 * A client just registered.
	 *
	 * @param client the client
	 * @param apiKey its API key, shown this once; null for an OAuth2 client
	 */
	public record RegisteredClient(ClientView client, String apiKey) {
	}

}
