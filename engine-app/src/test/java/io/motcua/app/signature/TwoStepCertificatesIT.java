package io.motcua.app.signature;

import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;

import io.motcua.app.Api;
import io.motcua.app.ApplicationIT;
import io.motcua.app.signature.TestCertificates.Issued;
import io.motcua.processes.DossierLifecycle;
import io.motcua.signing.SigningKey;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A two-step signature starts only with a certificate the approver may sign with: within
 * its validity period, for signing, chaining to a trust anchor, and the approver's own.
 * Any other is refused with 422 before anything is prepared, signed or stored; a
 * registered token certificate signs end to end.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoStepCertificatesIT extends ApplicationIT {

	@Autowired
	SigningKeyStore keys;

	@Autowired
	SignatureProperties properties;

	private Issued demoAuthority;

	private String code;

	private String task;

	@BeforeAll
	void aDossierAtItsSignStep() throws Exception {
		this.demoAuthority = TestCertificates.demoAuthority(this.keys, this.properties);
		this.code = approvedDossier();
		this.task = openTask("approver", this.code, DossierLifecycle.TASK_SIGN_RESULT);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			self-signed                    | The certificate is self-signed
			issued by an untrusted CA      | which is not a trusted certificate authority
			expired                        | The certificate has expired: it was valid from
			not yet valid                  | The certificate is not yet valid: it is valid from
			issued for encryption          | its key usage has neither digitalSignature nor nonRepudiation
			another approver's server key  | is not registered to approver
			registered to another member   | is registered to another member of staff
			""")
	void certificateTheApproverMayNotSignWithIsRefusedBeforeAnythingIsStored(String kind, String reason)
			throws Exception {
		List<X509Certificate> chain = chain(kind);
		int sessions = countRows("signing_session");
		int documents = documents();
		int signatures = countRows("result_signature");

		Api.Reply refused = as("approver").withHeader("Accept-Language", "en")
			.post("/api/v1/signing-sessions", Map.of("taskId", this.task, "certificateChain", base64(chain)));

		assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
		assertThat(refused.text("type")).isEqualTo("urn:motcua:problem:validation-failed");
		assertThat(refused.text("detail")).contains(reason);
		assertThat(refused.body().path("errors").path(0).path("field").asText()).isEqualTo("certificateChain");
		assertThat(countRows("signing_session")).isEqualTo(sessions);
		assertThat(documents()).isEqualTo(documents);
		assertThat(countRows("result_signature")).isEqualTo(signatures);
		Api.Reply vietnamese = as("approver").post("/api/v1/signing-sessions",
				Map.of("taskId", this.task, "certificateChain", base64(chain)));
		assertThat(vietnamese.text("detail")).startsWith("Chứng thư số");
	}

	@Test
	void aTokenCertificateRegisteredToTheApproverSignsEndToEnd() throws Exception {
		String dossier = approvedDossier();
		String step = openTask("approver", dossier, DossierLifecycle.TASK_SIGN_RESULT);
		Issued token = signer("CN=Lê Hoàng Nam,O=Phường Trấn Biên,C=VN");
		List<String> chain = base64(List.of(token.certificate(), this.demoAuthority.certificate()));
		Map<String, Object> start = Map.of("taskId", step, "certificateChain", chain);
		assertThat(as("approver").post("/api/v1/signing-sessions", start).status()).isEqualTo(422);

		Api.Reply registered = as("admin").post("/api/v1/staff/approver/certificates",
				Map.of("sha256", StaffCertificates.fingerprint(token.certificate()).toUpperCase()));
		assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
		assertThat(registered.location()).endsWith("/api/v1/staff/approver/certificates/" + registered.text("id"));
		assertThat(as("admin").get("/api/v1/staff/approver/certificates").body().findValuesAsText("sha256"))
			.containsExactly(StaffCertificates.fingerprint(token.certificate()));

		Api.Reply session = as("approver").post("/api/v1/signing-sessions", start);
		assertThat(session.status()).as(session.body().toString()).isEqualTo(201);
		Signature rsa = Signature.getInstance(session.text("signatureAlgorithm"));
		rsa.initSign(token.keys().getPrivate());
		rsa.update(Base64.getDecoder().decode(session.text("dataToBeSigned")));
		Api.Reply done = as("approver").post("/api/v1/signing-sessions/" + session.text("id") + "/signature-value",
				Map.of("signatureValue", Base64.getEncoder().encodeToString(rsa.sign())));
		assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
		awaitStatus(dossier, "RESULT_READY");
		assertThat(as("clerk").get("/api/v1/dossiers/" + dossier + "/events").body().findValuesAsText("type"))
			.contains("RESULT_VERIFIED");
		assertThat(
				as("clerk").get("/api/v1/dossiers/" + dossier + "/signatures").body().findValuesAsText("signerSubject"))
			.contains(token.certificate().getSubjectX500Principal().getName());

		assertThat(as("admin").delete(registered.location()).status()).isEqualTo(204);
		assertThat(as("admin").get("/api/v1/staff/approver/certificates").body()).isEmpty();
	}

	@Test
	void onlyAnAdministratorOfTheMembersUnitRegistersCertificates() throws Exception {
		Issued token = signer("CN=Trần Văn Minh,O=Phường Trấn Biên,C=VN");
		Map<String, Object> whole = Map.of("certificate", token.base64());
		String path = "/api/v1/staff/specialist/certificates";
		assertThat(anonymous().get(path).status()).isEqualTo(401);
		assertThat(as("clerk").get(path).status()).isEqualTo(403);
		assertThat(as("approver").post(path, whole).status()).isEqualTo(403);
		assertThat(as("supervisor").post(path, whole).status()).isEqualTo(403);
		assertThat(as("admin").post("/api/v1/staff/approver2/certificates", whole).status()).isEqualTo(404);
		assertThat(as("admin").post("/api/v1/staff/nobody/certificates", whole).status()).isEqualTo(404);
		assertThat(as("admin").post(path, Map.of()).status()).isEqualTo(422);
		assertThat(as("admin").post(path, Map.of("sha256", "abc")).status()).isEqualTo(422);
		assertThat(as("admin").post(path, Map.of("certificate", "not a certificate")).status()).isEqualTo(422);
		assertThat(as("admin").post(path, Map.of("certificate", token.base64(), "sha256", "ab".repeat(32))).status())
			.isEqualTo(422);

		Api.Reply registered = as("admin").post(path, whole);
		assertThat(registered.status()).isEqualTo(201);
		assertThat(registered.text("subject")).isEqualTo(token.certificate().getSubjectX500Principal().getName());
		assertThat(registered.text("registeredBy")).isEqualTo("admin");
		assertThat(as("admin").post("/api/v1/staff/approver/certificates", whole).status()).isEqualTo(409);
		assertThat(as("admin").delete(path + "/999999").status()).isEqualTo(404);
		assertThat(as("clerk").delete(registered.location()).status()).isEqualTo(403);
		assertThat(as("admin").delete(registered.location()).status()).isEqualTo(204);
	}

	private List<X509Certificate> chain(String kind) throws Exception {
		Instant now = this.clock.instant();
		String approver = "CN=Lê Hoàng Nam,O=Phường Trấn Biên,C=VN";
		X509Certificate anchor = this.demoAuthority.certificate();
		return switch (kind) {
			case "self-signed" -> List.of(TestCertificates
				.issue(approver, null, now.minus(days(1)), now.plus(days(365)), TestCertificates.SIGNING)
				.certificate());
			case "issued by an untrusted CA" -> {
				Issued other = TestCertificates.authority("CN=Tổ chức không tin cậy,C=VN", now.minus(days(10)),
						now.plus(days(3650)));
				yield List.of(TestCertificates
					.issue(approver, other, now.minus(days(1)), now.plus(days(365)), TestCertificates.SIGNING)
					.certificate(), other.certificate());
			}
			case "expired" -> List.of(TestCertificates
				.issue(approver, this.demoAuthority, now.minus(days(400)), now.minus(days(1)), TestCertificates.SIGNING)
				.certificate(), anchor);
			case "not yet valid" -> List.of(TestCertificates
				.issue(approver, this.demoAuthority, now.plus(days(1)), now.plus(days(400)), TestCertificates.SIGNING)
				.certificate(), anchor);
			case "issued for encryption" -> List.of(TestCertificates
				.issue(approver, this.demoAuthority, now.minus(days(1)), now.plus(days(365)), KeyUsage.keyEncipherment)
				.certificate(), anchor);
			case "another approver's server key" -> {
				SigningKey theirs = this.keys.staffKey("approver2", "Bùi Văn Tùng", "Xã Long Thành");
				yield theirs.chain();
			}
			case "registered to another member" -> {
				Issued token = signer("CN=Trần Văn Minh,O=Phường Trấn Biên,C=VN");
				assertThat(
						as("admin").post("/api/v1/staff/specialist/certificates", Map.of("certificate", token.base64()))
							.status())
					.isEqualTo(201);
				yield List.of(token.certificate(), anchor);
			}
			default -> throw new IllegalArgumentException(kind);
		};
	}

	private Issued signer(String subject) throws Exception {
		Instant now = this.clock.instant();
		return TestCertificates.issue(subject, this.demoAuthority, now.minus(days(1)), now.plus(days(365)),
				TestCertificates.SIGNING);
	}

	private int documents() {
		return this.jdbc.queryForObject("select count(*) from document where dossier_code = ?", Integer.class,
				this.code);
	}

	private String approvedDossier() {
		String dossier = receiveDossier("clerk");
		complete("specialist", openTask("specialist", dossier, DossierLifecycle.TASK_REVIEW_DOSSIER),
				"PROPOSE_APPROVAL");
		complete("approver", openTask("approver", dossier, DossierLifecycle.TASK_APPROVE_DOSSIER), "APPROVE");
		return dossier;
	}

	private static List<String> base64(List<X509Certificate> chain) throws Exception {
		List<String> encoded = new ArrayList<>();
		for (X509Certificate certificate : chain) {
			encoded.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
		}
		return encoded;
	}

	private static Duration days(int days) {
		return Duration.ofDays(days);
	}

}
