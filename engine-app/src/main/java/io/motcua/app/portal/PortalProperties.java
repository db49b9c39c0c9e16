package io.motcua.app.portal;

import java.net.URI;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.motcua.app.dossier.DossierStatus;

/**
 * How the national public-service portal hears of every status change (the contract
 * assumed is in {@code docs/PORTAL.md}). Switched on, it needs the portal's address and
 * exactly one kind of credential: an API key, or OAuth2 client credentials.
 *
 * @param enabled whether status changes are pushed to the portal
 * @param baseUrl the portal's address, for example {@code https://api.dichvucong.gov.vn}
 * @param statusPath the path, under {@code baseUrl}, that takes status changes
 * @param apiKey an API key sent in a header with every push
 * @param oauth2 OAuth2 client credentials: a bearer token fetched from the portal's token
 * endpoint, kept until it expires
 * @param statusCodes the one-stop standard's status code of each of our statuses; those
 * not configured keep their default ({@link #DEFAULT_STATUS_CODES})
 * @param unitIdentifiers our unit code → the unit's official electronic identifier (for
 * example {@code TRANBIEN: 000.00.18.H23}); a unit not named is sent as its code
 */
@Validated
@ConfigurationProperties("motcua.portal")
public record PortalProperties(@DefaultValue("false") boolean enabled, URI baseUrl,
		@DefaultValue("/api/v1/dossier-status") @NotBlank @Pattern(regexp = "/.*",
				message = "phải bắt đầu bằng / (must start with /)") String statusPath,
		@DefaultValue @Valid ApiKey apiKey, @DefaultValue @Valid OAuth2 oauth2,
		Map<DossierStatus, @NotBlank String> statusCodes, Map<String, @NotBlank String> unitIdentifiers) {

	/**
	 * The standard's codes (1 newly registered, 2 received, 3 not received, 4 in
	 * progress, 5 supplement requested, 6 financial obligation requested, 7 withdrawal
	 * requested, 8 processing stopped, 9 processed, 10 result returned) for our statuses.
	 * Approval and signing are steps of processing, so still 4. The standard has no
	 * "refused" and no "withdrawn": a refusal (before it is signed and returned as a
	 * refusal) and a withdrawal both end the processing of the dossier without a result,
	 * which is its 8, "processing stopped" (its 7 is the applicant's request to withdraw,
	 * not the withdrawal done). A dossier handed back unprocessed is, like a result,
	 * returned: 10.
	 */
	public static final Map<DossierStatus, String> DEFAULT_STATUS_CODES = defaults();

	public PortalProperties {
		Map<DossierStatus, String> codes = new EnumMap<>(DEFAULT_STATUS_CODES);
		if (statusCodes != null) {
			codes.putAll(statusCodes);
		}
		statusCodes = Map.copyOf(codes);
		unitIdentifiers = (unitIdentifiers != null) ? Map.copyOf(new LinkedHashMap<>(unitIdentifiers)) : Map.of();
	}

	/** Where status changes go: {@code baseUrl} and {@code statusPath}. */
	public String statusUrl() {
		String base = this.baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + this.statusPath;
	}

	/** The standard's code of one of our statuses. */
	public String statusCode(DossierStatus status) {
		return this.statusCodes.get(status);
	}

	/** The official electronic identifier of one of our units. */
	public String unitIdentifier(String unitCode) {
		return this.unitIdentifiers.getOrDefault(unitCode, unitCode);
	}

	@AssertTrue(message = "motcua.portal.enabled=true cần motcua.portal.base-url, địa chỉ http(s) tuyệt đối của Cổng"
			+ " (needs the portal's absolute http(s) address in motcua.portal.base-url)")
	public boolean isBaseUrlGivenWhenEnabled() {
		return !this.enabled || (this.baseUrl != null && isHttp(this.baseUrl));
	}

	@AssertTrue(message = "motcua.portal.enabled=true cần đúng một loại thông tin xác thực: motcua.portal.api-key.value"
			+ " hoặc motcua.portal.oauth2.* (needs exactly one kind of credential: an API key or OAuth2 client"
			+ " credentials, not both, not none)")
	public boolean isOneCredentialKindWhenEnabled() {
		return !this.enabled || (this.apiKey.given() != this.oauth2.given());
	}

	private static boolean isHttp(URI uri) {
		return uri.isAbsolute() && Set.of("http", "https").contains(uri.getScheme()) && uri.getHost() != null
				&& uri.getUserInfo() == null;
	}

	private static Map<DossierStatus, String> defaults() {
		Map<DossierStatus, String> codes = new EnumMap<>(DossierStatus.class);
		codes.put(DossierStatus.RECEIVED, "2");
		codes.put(DossierStatus.IN_PROGRESS, "4");
		codes.put(DossierStatus.AWAITING_SUPPLEMENT, "5");
		codes.put(DossierStatus.APPROVED, "4");
		codes.put(DossierStatus.SIGNED, "4");
		codes.put(DossierStatus.VERIFICATION_FAILED, "4");
		codes.put(DossierStatus.REJECTED, "8");
		codes.put(DossierStatus.WITHDRAWN, "8");
		codes.put(DossierStatus.RESULT_READY, "9");
		codes.put(DossierStatus.RETURNED, "10");
		codes.put(DossierStatus.RETURNED_UNPROCESSED, "10");
		if (codes.size() != DossierStatus.values().length) {
			throw new IllegalStateException("A status without a portal code: " + codes.keySet());
		}
		return Map.copyOf(codes);
	}

	/**
	 * An API key, sent as it is in a header of every push.
	 *
	 * @param header the header's name
	 * @param value the key; none means no API key
	 */
	public record ApiKey(@DefaultValue("X-API-Key") @NotBlank String header, String value) {

		boolean given() {
			return this.value != null && !this.value.isBlank();
		}

		@Override
		public String toString() {
			return "ApiKey[header=" + this.header + ", value=" + (given() ? "******" : "none") + "]";
		}

	}

	/**
	 * OAuth2 client credentials (RFC 6749, 4.4): a token from the portal's token
	 * endpoint, sent as a bearer token and fetched again when it expires or the portal
	 * refuses it.
	 *
	 * @param tokenUri the token endpoint
	 * @param clientId our client id at the portal
	 * @param clientSecret its secret
	 * @param scope the scopes to ask for, none for the client's default
	 * @param clientAuthentication how the client id and secret reach the token endpoint:
	 * HTTP Basic ({@code basic}) or in the form ({@code post})
	 */
	public record OAuth2(URI tokenUri, String clientId, String clientSecret, @DefaultValue Set<String> scope,
			@DefaultValue("basic") ClientAuthentication clientAuthentication) {

		public OAuth2 {
			scope = (scope != null) ? Set.copyOf(scope) : Set.of();
		}

		/** Whether any of it is configured (then all of it must be). */
		boolean given() {
			return this.tokenUri != null || present(this.clientId) || present(this.clientSecret);
		}

		@AssertTrue(message = "motcua.portal.oauth2 cần đủ token-uri (http(s)), client-id và client-secret"
				+ " (OAuth2 client credentials need token-uri, client-id and client-secret)")
		public boolean isCompleteWhenGiven() {
			return !given() || (this.tokenUri != null && isHttp(this.tokenUri) && present(this.clientId)
					&& present(this.clientSecret));
		}

		private static boolean present(String value) {
			return value != null && !value.isBlank();
		}

		@Override
		public String toString() {
			return "OAuth2[tokenUri=" + this.tokenUri + ", clientId=" + this.clientId + ", clientSecret="
					+ (present(this.clientSecret) ? "******" : "none") + ", scope=" + this.scope
					+ ", clientAuthentication=" + this.clientAuthentication + "]";
		}

	}

	/** How a client authenticates at the token endpoint. */
	public enum ClientAuthentication {

		/** HTTP Basic with the client id and secret ({@code client_secret_basic}). */
		BASIC,

		/** The client id and secret as form parameters ({@code client_secret_post}). */
		POST

	}

}
