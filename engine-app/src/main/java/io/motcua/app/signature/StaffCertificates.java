package io.motcua.app.signature;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.codec.digest.DigestUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.security.Caller;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;

/**
 * The certificates registered to members of staff for two-step signing. Administrators
 * register a certificate (or only its SHA-256 fingerprint, when the token's certificate
 * is not at hand) to a member of a unit they oversee, and remove it when the token is
 * lost or replaced. A certificate belongs to one member only.
 */
@Service
class StaffCertificates {

	private static final Logger log = LoggerFactory.getLogger(StaffCertificates.class);

	private final StaffCertificateRepository certificates;

	private final StaffDirectory directory;

	private final Clock clock;

	StaffCertificates(StaffCertificateRepository certificates, StaffDirectory directory, Clock clock) {
		this.certificates = certificates;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The certificates registered to a member of a unit the administrator oversees.
	 * @throws ProblemException 403 for a caller who is not ADMIN, 404 for a member it may
	 * not see
	 */
	@Transactional(readOnly = true)
	public List<StaffCertificateView> registeredTo(String username) {
		member(username);
		return this.certificates.findByUsernameOrderById(username).stream().map(StaffCertificate::view).toList();
	}

	/**
	 * Registers a certificate, given whole (Base64 DER or PEM) or by its SHA-256
	 * fingerprint, to a member of staff.
	 * @throws ProblemException 403/404 as {@link #registeredTo}, 409 when the certificate
	 * is registered already, 422 for neither or both of certificate and fingerprint, or
	 * an unreadable one
	 */
	@Transactional
	public StaffCertificateView register(String username, String certificate, String sha256) {
		Caller admin = member(username);
		boolean whole = certificate != null && !certificate.isBlank();
		boolean fingerprint = sha256 != null && !sha256.isBlank();
		if (whole == fingerprint) {
			throw ProblemException.invalid("certificate", "give either the certificate or its SHA-256 fingerprint");
		}
		StaffCertificate registration;
		if (whole) {
			X509Certificate parsed = parse(certificate);
			registration = new StaffCertificate(username, fingerprint(parsed),
					parsed.getSubjectX500Principal().getName(), parsed.getSerialNumber().toString(16),
					parsed.getNotAfter().toInstant(), admin.username(), this.clock.instant());
		}
		else {
			String hex = sha256.strip().replace(":", "").toLowerCase(Locale.ROOT);
			if (!hex.matches("[0-9a-f]{64}")) {
				throw ProblemException.invalid("sha256", "must be 64 hexadecimal digits (SHA-256 of the DER encoding)");
			}
			registration = new StaffCertificate(username, hex, null, null, null, admin.username(),
					this.clock.instant());
		}
		Optional<StaffCertificate> taken = this.certificates.findBySha256(registration.sha256());
		if (taken.isPresent()) {
			throw ProblemException.conflict("This certificate is registered to " + taken.get().username() + " already");
		}
		try {
			// an identity key: the row is inserted here, and a race on the unique
			// fingerprint fails here too
			registration = this.certificates.save(registration);
		}
		catch (DataIntegrityViolationException ex) {
			throw ProblemException.conflict("This certificate is registered already");
		}
		log.info("{} registered the certificate with SHA-256 {} to {}", admin.username(), registration.sha256(),
				username);
		return registration.view();
	}

	/**
	 * Removes a registration: the certificate no longer starts a two-step signature.
	 * @throws ProblemException 403/404 as {@link #registeredTo}, 404 for an unknown
	 * registration
	 */
	@Transactional
	public void remove(String username, long id) {
		Caller admin = member(username);
		StaffCertificate registration = this.certificates.findById(id)
			.filter((candidate) -> candidate.username().equals(username))
			.orElseThrow(() -> ProblemException.notFound("No certificate " + id + " registered to " + username));
		this.certificates.delete(registration);
		log.info("{} removed the certificate with SHA-256 {} from {}", admin.username(), registration.sha256(),
				username);
	}

	/** The member a certificate is registered to, if any. */
	@Transactional(readOnly = true)
	public Optional<String> owner(X509Certificate certificate) {
		return this.certificates.findBySha256(fingerprint(certificate)).map(StaffCertificate::username);
	}

	/** Lower-case hex SHA-256 of the certificate's DER encoding. */
	static String fingerprint(X509Certificate certificate) {
		try {
			return DigestUtils.sha256Hex(certificate.getEncoded());
		}
		catch (CertificateEncodingException ex) {
			throw new IllegalStateException("A parsed certificate cannot be encoded", ex);
		}
	}

	private Caller member(String username) {
		Caller caller = this.directory.currentCaller();
		if (!caller.has(Role.ADMIN)) {
			throw ProblemException.forbidden("Only an administrator registers certificates");
		}
		this.directory.visibleMember(username)
			.orElseThrow(() -> ProblemException.notFound("No member of staff " + username));
		return caller;
	}

	private static X509Certificate parse(String text) {
		try {
			byte[] bytes = text.contains("-----BEGIN") ? text.getBytes(StandardCharsets.US_ASCII)
					: Base64.getMimeDecoder().decode(text);
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(bytes));
		}
		catch (CertificateException | IllegalArgumentException ex) {
			throw ProblemException.invalid("certificate", "is not a readable X.509 certificate: " + ex.getMessage());
		}
	}

	/**
	 * A certificate registered to a member of staff.
	 *
	 * @param id the registration
	 * @param username the member
	 * @param sha256 SHA-256 of the certificate's DER encoding, lower-case hex
	 * @param subject the certificate's subject; null when only the fingerprint was given
	 * @param serialNumber its serial number in hex; null likewise
	 * @param notAfter end of its validity; null likewise
	 * @param registeredBy the administrator
	 * @param registeredAt when
	 */
	record StaffCertificateView(Long id, String username, String sha256, String subject, String serialNumber,
			java.time.Instant notAfter, String registeredBy, java.time.Instant registeredAt) {
	}

}
