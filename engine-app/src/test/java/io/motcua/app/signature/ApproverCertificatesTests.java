package io.motcua.app.signature;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.i18n.LocaleContextHolder;

import io.motcua.app.security.Caller;
import io.motcua.app.security.Role;
import io.motcua.app.signature.ApproverCertificates.Reason;
import io.motcua.app.signature.ApproverCertificates.Refusal;
import io.motcua.app.signature.TestCertificates.Issued;
import io.motcua.app.system.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Each check a token's certificate passes before a two-step signature starts, and the
 * reason each refusal names.
 */
class ApproverCertificatesTests {

	private static final Instant NOW = Instant.parse("2026-12-07T03:00:00Z");

	private static final Caller APPROVER = new Caller("approver", "Lê Hoàng Nam", "TRANBIEN", Set.of(Role.APPROVER),
			Set.of("TRANBIEN"));

	@TempDir
	Path keyStoreDir;

	private Issued root;

	private final StaffCertificates registered = mock(StaffCertificates.class);

	@BeforeEach
	void trustATestRoot() throws Exception {
		when(this.registered.owner(any())).thenReturn(Optional.empty());
		this.root = TestCertificates.authority("CN=Motcua Test Root CA,O=Motcua Test,C=VN", NOW.minus(days(3650)),
				NOW.plus(days(3650)));
		TestCertificates.writePem(this.root.certificate(), this.keyStoreDir.resolve("trust").resolve("root.pem"));
	}

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void certificateRegisteredToTheApproverPasses() throws Exception {
		Issued token = signer("CN=Lê Hoàng Nam,O=Phường Trấn Biên,C=VN");
		when(this.registered.owner(token.certificate())).thenReturn(Optional.of("approver"));

		assertThat(checks(null).refusal(APPROVER, List.of(token.certificate(), this.root.certificate()))).isEmpty();
	}

	@Test
	void certificateOfTheApproversServerHeldKeyPasses() throws Exception {
		Issued key = signer("CN=Lê Hoàng Nam,O=Phường Trấn Biên,C=VN");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("approver", key.keys().getPrivate(), "demo".toCharArray(),
				new Certificate[] { key.certificate(), this.root.certificate() });
		Path file = this.keyStoreDir.resolve("staff").resolve("approver.p12");
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			store.store(out, "demo".toCharArray());
		}

		assertThat(checks(null).refusal(APPROVER, List.of(key.certificate()))).isEmpty();
	}

	@Test
	void certificateNamingTheApproverByTheSubjectRulePasses() throws Exception {
		Issued byUid = signer("CN=Lê Hoàng Nam,UID=approver,O=Phường Trấn Biên,C=VN");
		Issued byEmail = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", this.root, NOW.minus(days(10)),
				NOW.plus(days(300)), TestCertificates.SIGNING, "Approver@TranBien.gov.vn");
		Issued someoneElse = signer("CN=Lê Hoàng Nam,UID=approver2,O=Phường Trấn Biên,C=VN");

		assertThat(checks("UID={username}").refusal(APPROVER, List.of(byUid.certificate()))).isEmpty();
		assertThat(checks("E={username}@tranbien.gov.vn").refusal(APPROVER, List.of(byEmail.certificate()))).isEmpty();
		assertThat(checks("CN={fullName}").refusal(APPROVER, List.of(byUid.certificate()))).isEmpty();
		assertThat(reason(checks("UID={username}").refusal(APPROVER, List.of(someoneElse.certificate()))))
			.isEqualTo(Reason.NOT_THE_APPROVERS);
	}

	@Test
	void notYetValidCertificateIsRefusedWithItsDates() throws Exception {
		Issued token = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", this.root, NOW.plus(days(2)), NOW.plus(days(300)),
				TestCertificates.SIGNING);

		Refusal refusal = checks(null).refusal(APPROVER, List.of(token.certificate())).orElseThrow();

		assertThat(refusal.reason()).isEqualTo(Reason.NOT_YET_VALID);
		assertThat(refusal.english()).isEqualTo("The certificate is not yet valid: it is valid from "
				+ NOW.plus(days(2)) + " to " + NOW.plus(days(300)) + ", now is " + NOW);
		assertThat(refusal.vietnamese()).startsWith("Chứng thư số chưa có hiệu lực")
			.contains(NOW.plus(days(2)).toString());
	}

	@Test
	void expiredCertificateIsRefusedWithItsDates() throws Exception {
		Issued token = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", this.root, NOW.minus(days(400)),
				NOW.minus(days(35)), TestCertificates.SIGNING);

		Refusal refusal = checks(null).refusal(APPROVER, List.of(token.certificate())).orElseThrow();

		assertThat(refusal.reason()).isEqualTo(Reason.EXPIRED);
		assertThat(refusal.english()).contains("has expired", "to " + NOW.minus(days(35)));
		assertThat(refusal.vietnamese()).startsWith("Chứng thư số đã hết hiệu lực");
	}

	@Test
	void certificateNotForSigningIsRefused() throws Exception {
		Issued encryption = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", this.root, NOW.minus(days(10)),
				NOW.plus(days(300)), KeyUsage.keyEncipherment | KeyUsage.dataEncipherment);
		Issued noUsage = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", this.root, NOW.minus(days(10)),
				NOW.plus(days(300)), 0);

		Refusal refusal = checks(null).refusal(APPROVER, List.of(encryption.certificate())).orElseThrow();
		assertThat(refusal.reason()).isEqualTo(Reason.KEY_USAGE);
		assertThat(refusal.english()).contains("neither digitalSignature nor nonRepudiation",
				"it has: keyEncipherment, dataEncipherment");
		assertThat(checks(null).refusal(APPROVER, List.of(noUsage.certificate())).orElseThrow().english())
			.contains("no key usage extension");
	}

	@Test
	void selfSignedCertificateIsRefused() throws Exception {
		Issued selfSigned = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", null, NOW.minus(days(10)),
				NOW.plus(days(300)), TestCertificates.SIGNING);

		Refusal refusal = checks(null).refusal(APPROVER, List.of(selfSigned.certificate())).orElseThrow();

		assertThat(refusal.reason()).isEqualTo(Reason.UNTRUSTED_CHAIN);
		assertThat(refusal.english()).startsWith("The certificate is self-signed (C=VN,CN=Lê Hoàng Nam)");
	}

	@Test
	void certificateFromAnUntrustedAuthorityIsRefusedNamingIt() throws Exception {
		Issued other = TestCertificates.authority("CN=Other CA,O=Elsewhere,C=VN", NOW.minus(days(3650)),
				NOW.plus(days(3650)));
		Issued token = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", other, NOW.minus(days(10)), NOW.plus(days(300)),
				TestCertificates.SIGNING);

		assertThat(checks(null).refusal(APPROVER, List.of(token.certificate(), other.certificate()))
			.orElseThrow()
			.english())
			.isEqualTo("The chain ends at C=VN,O=Elsewhere,CN=Other CA, which is not a trusted certificate authority");
		assertThat(checks(null).refusal(APPROVER, List.of(token.certificate())).orElseThrow().english()).isEqualTo(
				"The issuer C=VN,O=Elsewhere,CN=Other CA is neither a trusted certificate authority nor in the chain");
	}

	@Test
	void certificateUnderAnExpiredIssuingAuthorityIsRefusedNamingIt() throws Exception {
		Issued intermediate = TestCertificates.issue("CN=Expired Issuing CA,C=VN", this.root, NOW.minus(days(700)),
				NOW.minus(days(1)), KeyUsage.keyCertSign | KeyUsage.cRLSign);
		Issued token = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", intermediate, NOW.minus(days(10)),
				NOW.plus(days(300)), TestCertificates.SIGNING);

		Refusal refusal = checks(null).refusal(APPROVER, List.of(token.certificate(), intermediate.certificate()))
			.orElseThrow();

		assertThat(refusal.reason()).isEqualTo(Reason.UNTRUSTED_CHAIN);
		assertThat(refusal.english()).startsWith(
				"The issuing authority's certificate C=VN,CN=Expired Issuing CA is outside its validity period");
	}

	@Test
	void anotherMembersCertificateIsRefused() throws Exception {
		Issued theirs = signer("CN=Trần Văn Minh,C=VN");
		Issued unregistered = signer("CN=Lê Hoàng Nam,C=VN");
		when(this.registered.owner(theirs.certificate())).thenReturn(Optional.of("specialist"));
		when(this.registered.owner(unregistered.certificate())).thenReturn(Optional.empty());

		Refusal refusal = checks(null).refusal(APPROVER, List.of(theirs.certificate())).orElseThrow();
		assertThat(refusal.reason()).isEqualTo(Reason.NOT_THE_APPROVERS);
		assertThat(refusal.english()).contains("registered to another member of staff, not to approver")
			.doesNotContain("specialist");
		assertThat(checks(null).refusal(APPROVER, List.of(unregistered.certificate())).orElseThrow().english())
			.contains("is not registered to approver",
					"SHA-256 " + StaffCertificates.fingerprint(unregistered.certificate()),
					"/api/v1/staff/approver/certificates");
	}

	@Test
	void refusalIsA422InVietnameseUnlessEnglishIsAskedFor() throws Exception {
		Issued selfSigned = TestCertificates.issue("CN=Lê Hoàng Nam,C=VN", null, NOW.minus(days(10)),
				NOW.plus(days(300)), TestCertificates.SIGNING);
		List<X509Certificate> chain = List.of(selfSigned.certificate());
		// what the application's locale resolver gives a request without Accept-Language
		LocaleContextHolder.setLocale(Locale.forLanguageTag("vi"));

		assertThatThrownBy(() -> checks(null).require(APPROVER, chain)).isInstanceOf(ProblemException.class)
			.hasMessageStartingWith("Chứng thư số tự ký")
			.satisfies((ex) -> assertThat(((ProblemException) ex).errors()).singleElement()
				.satisfies((error) -> assertThat(error.field()).isEqualTo("certificateChain")));
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThatThrownBy(() -> checks(null).require(APPROVER, chain))
			.hasMessageStartingWith("The certificate is self-signed");
	}

	private ApproverCertificates checks(String subjectRule) {
		SignatureProperties properties = new SignatureProperties(this.keyStoreDir, "demo", false, null, subjectRule);
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		return new ApproverCertificates(new SigningKeyStore(properties, clock), this.registered, properties, clock);
	}

	private Issued signer(String subject) throws Exception {
		return TestCertificates.issue(subject, this.root, NOW.minus(days(10)), NOW.plus(days(300)),
				TestCertificates.SIGNING);
	}

	private static Reason reason(Optional<Refusal> refusal) {
		return refusal.map(Refusal::reason).orElse(null);
	}

	private static Duration days(int days) {
		return Duration.ofDays(days);
	}

}
