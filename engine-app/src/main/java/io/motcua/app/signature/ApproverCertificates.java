package io.motcua.app.signature;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.motcua.app.security.Caller;
import io.motcua.app.system.ProblemException;

/**
 * The checks a certificate passes before an approver signs with it in two steps (USB
 * token, remote signing): within its validity period now, issued for signing (key usage
 * digitalSignature or nonRepudiation), chaining to a configured trust anchor, and the
 * approver's own: registered to them ({@link StaffCertificates}), the certificate of
 * their server-held key, or named by the configured subject rule. A certificate that
 * fails is refused before anything is prepared, signed or stored, so that the result
 * cannot reach the seal with a signature the verification step will refuse.
 */
@Component
class ApproverCertificates {

	private static final Logger log = LoggerFactory.getLogger(ApproverCertificates.class);

	private static final String[] KEY_USAGES = { "digitalSignature", "nonRepudiation", "keyEncipherment",
			"dataEncipherment", "keyAgreement", "keyCertSign", "cRLSign", "encipherOnly", "decipherOnly" };

	private final SigningKeyStore keys;

	private final StaffCertificates registered;

	private final SignatureProperties properties;

	private final Clock clock;

	ApproverCertificates(SigningKeyStore keys, StaffCertificates registered, SignatureProperties properties,
			Clock clock) {
		this.keys = keys;
		this.registered = registered;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Refuses a chain the approver may not sign with.
	 * @param chain the signer's certificate first, then its issuers
	 * @throws ProblemException 422 naming the first check that failed, in Vietnamese
	 * unless the request asks for English
	 */
	void require(Caller approver, List<X509Certificate> chain) {
		Optional<Refusal> refusal = refusal(approver, chain);
		if (refusal.isPresent()) {
			X509Certificate certificate = chain.get(0);
			log.warn("Refused the certificate {} (serial {}) of {} for a two-step signature: {}",
					certificate.getSubjectX500Principal().getName(), certificate.getSerialNumber().toString(16),
					approver.username(), refusal.get().english());
			boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
			String message = english ? refusal.get().english() : refusal.get().vietnamese();
			throw ProblemException.invalid("certificateChain", message);
		}
	}

	/** The first check the chain fails, if any. */
	Optional<Refusal> refusal(Caller approver, List<X509Certificate> chain) {
		X509Certificate certificate = chain.get(0);
		Instant now = this.clock.instant();
		Instant notBefore = certificate.getNotBefore().toInstant();
		Instant notAfter = certificate.getNotAfter().toInstant();
		if (now.isBefore(notBefore)) {
			return Optional.of(new Refusal(Reason.NOT_YET_VALID,
					"Chứng thư số chưa có hiệu lực: hiệu lực từ " + notBefore + " đến " + notAfter + ", nay là " + now,
					"The certificate is not yet valid: it is valid from " + notBefore + " to " + notAfter + ", now is "
							+ now));
		}
		if (now.isAfter(notAfter)) {
			return Optional.of(new Refusal(Reason.EXPIRED,
					"Chứng thư số đã hết hiệu lực: hiệu lực từ " + notBefore + " đến " + notAfter + ", nay là " + now,
					"The certificate has expired: it was valid from " + notBefore + " to " + notAfter + ", now is "
							+ now));
		}
		boolean[] usage = certificate.getKeyUsage();
		if (usage == null || !(usage[0] || (usage.length > 1 && usage[1]))) {
			String has = (usage != null) ? usages(usage) : null;
			return Optional.of(new Refusal(Reason.KEY_USAGE,
					"Chứng thư số không dùng để ký: mục đích sử dụng khoá (key usage) không có digitalSignature hay "
							+ "nonRepudiation (" + ((has != null) ? "có: " + has : "không có phần mở rộng key usage")
							+ ")",
					"The certificate is not for signing: its key usage has neither digitalSignature nor "
							+ "nonRepudiation (" + ((has != null) ? "it has: " + has : "it has no key usage extension")
							+ ")"));
		}
		Optional<Refusal> untrusted = untrusted(chain, now);
		if (untrusted.isPresent()) {
			return untrusted;
		}
		if (belongsTo(approver, certificate)) {
			return Optional.empty();
		}
		String fingerprint = StaffCertificates.fingerprint(certificate);
		String subject = certificate.getSubjectX500Principal().getName();
		Optional<String> owner = this.registered.owner(certificate);
		if (owner.isPresent()) {
			return Optional.of(new Refusal(Reason.NOT_THE_APPROVERS,
					"Chứng thư số " + subject + " đã được đăng ký cho cán bộ khác, không phải " + approver.username(),
					"The certificate " + subject + " is registered to another member of staff, not to "
							+ approver.username()));
		}
		String where = "/api/v1/staff/" + approver.username() + "/certificates";
		return Optional.of(new Refusal(Reason.NOT_THE_APPROVERS,
				"Chứng thư số " + subject + " (SHA-256 " + fingerprint + ") chưa được đăng ký cho "
						+ approver.username() + "; quản trị viên đăng ký chứng thư tại " + where,
				"The certificate " + subject + " (SHA-256 " + fingerprint + ") is not registered to "
						+ approver.username() + "; an administrator registers it at " + where));
	}

	private boolean belongsTo(Caller approver, X509Certificate certificate) {
		if (this.registered.owner(certificate).filter(approver.username()::equals).isPresent()) {
			return true;
		}
		if (this.keys.installedStaffCertificate(approver.username()).filter(certificate::equals).isPresent()) {
			return true;
		}
		return this.properties.subjectRule()
			.filter((rule) -> rule.matches(certificate, approver.username(), approver.fullName()))
			.isPresent();
	}

	private Optional<Refusal> untrusted(List<X509Certificate> chain, Instant now) {
		List<X509Certificate> anchors = this.keys.trustAnchors();
		if (anchors.isEmpty()) {
			return Optional.of(new Refusal(Reason.UNTRUSTED_CHAIN,
					"Chứng thư số không kiểm tra được: chưa cấu hình tổ chức chứng thực tin cậy nào (trust/*.pem)",
					"No trusted certificate authority is configured (trust/*.pem)"));
		}
		Set<TrustAnchor> trustAnchors = new HashSet<>();
		anchors.forEach((anchor) -> trustAnchors.add(new TrustAnchor(anchor, null)));
		String failure;
		try {
			X509CertSelector target = new X509CertSelector();
			target.setCertificate(chain.get(0));
			PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, target);
			// Revocation is left to the verification of the signed result
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(now));
			parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
			CertPathBuilder.getInstance("PKIX").build(parameters);
			return Optional.empty();
		}
		catch (GeneralSecurityException ex) {
			failure = ex.getMessage();
		}
		X509Certificate top = top(chain);
		String topName = top.getSubjectX500Principal().getName();
		if (anchors.stream().noneMatch((anchor) -> anchor.equals(top) || issuedBy(top, anchor))) {
			if (issuedBy(top, top)) {
				boolean alone = top.equals(chain.get(0));
				return Optional.of(new Refusal(Reason.UNTRUSTED_CHAIN,
						alone ? "Chứng thư số tự ký (" + topName + "), không do tổ chức chứng thực tin cậy cấp"
								: "Chứng thư số không do tổ chức chứng thực tin cậy cấp: chuỗi chứng thư kết thúc ở "
										+ topName,
						alone ? "The certificate is self-signed (" + topName + "), not issued by a trusted authority"
								: "The chain ends at " + topName + ", which is not a trusted certificate authority"));
			}
			String issuer = top.getIssuerX500Principal().getName();
			return Optional.of(new Refusal(Reason.UNTRUSTED_CHAIN,
					"Chứng thư số không do tổ chức chứng thực tin cậy cấp: tổ chức cấp " + issuer
							+ " không được tin cậy và không có trong chuỗi chứng thư",
					"The issuer " + issuer + " is neither a trusted certificate authority nor in the chain"));
		}
		for (X509Certificate link : chain) {
			if (link != chain.get(0) && !validAt(link, now)) {
				String name = link.getSubjectX500Principal().getName();
				return Optional.of(new Refusal(Reason.UNTRUSTED_CHAIN,
						"Chứng thư số không dùng được: chứng thư của tổ chức cấp " + name + " không còn hiệu lực (từ "
								+ link.getNotBefore().toInstant() + " đến " + link.getNotAfter().toInstant() + ")",
						"The issuing authority's certificate " + name + " is outside its validity period (valid from "
								+ link.getNotBefore().toInstant() + " to " + link.getNotAfter().toInstant() + ")"));
			}
		}
		return Optional.of(new Refusal(Reason.UNTRUSTED_CHAIN,
				"Chứng thư số không dùng được: chuỗi chứng thư đến tổ chức chứng thực tin cậy không hợp lệ: " + failure,
				"The chain to the trusted certificate authority is not acceptable: " + failure));
	}

	/** The furthest certificate reached from the signer's through the given chain. */
	private static X509Certificate top(List<X509Certificate> chain) {
		X509Certificate current = chain.get(0);
		List<X509Certificate> seen = new ArrayList<>();
		while (!seen.contains(current)) {
			seen.add(current);
			X509Certificate next = null;
			for (X509Certificate candidate : chain) {
				if (candidate != current && issuedBy(current, candidate)) {
					next = candidate;
					break;
				}
			}
			if (next == null) {
				return current;
			}
			current = next;
		}
		return current;
	}

	private static boolean issuedBy(X509Certificate certificate, X509Certificate issuer) {
		if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
			return false;
		}
		try {
			certificate.verify(issuer.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static boolean validAt(X509Certificate certificate, Instant time) {
		try {
			certificate.checkValidity(Date.from(time));
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	private static String usages(boolean[] usage) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < usage.length && i < KEY_USAGES.length; i++) {
			if (usage[i]) {
				names.add(KEY_USAGES[i]);
			}
		}
		return String.join(", ", names);
	}

	/** What failed. */
	enum Reason {

		NOT_YET_VALID, EXPIRED, KEY_USAGE, UNTRUSTED_CHAIN, NOT_THE_APPROVERS

	}

	/**
	 * Why a certificate is refused, in both languages.
	 *
	 * @param reason what failed
	 * @param vietnamese the message in Vietnamese
	 * @param english the message in English
	 */
	record Refusal(Reason reason, String vietnamese, String english) {
	}

}
