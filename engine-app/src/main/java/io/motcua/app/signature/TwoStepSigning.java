package io.motcua.app.signature;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.documents.DocumentKind;
import io.motcua.app.documents.DocumentService;
import io.motcua.app.documents.DocumentView;
import io.motcua.app.documents.Letters;
import io.motcua.app.documents.Letters.IssuedPdf;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.TaskView;
import io.motcua.signing.PreparedSignature;
import io.motcua.signing.SigningException;

/**
 * The two-step signature for a USB token or a remote signing service: the result is
 * prepared with the signer's certificate chain, the token signs what this answers, and
 * the value it computed completes the signature. Completing the sign step itself is the
 * lifecycle's.
 */
@Service
public class TwoStepSigning {

	private static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);

	private final ResultSigning signing;

	private final Letters letters;

	private final DocumentService documents;

	private final SigningSessionRepository sessions;

	private final StaffDirectory directory;

	private final SigningTimes times;

	private final ApproverCertificates certificates;

	private final Clock clock;

	TwoStepSigning(ResultSigning signing, Letters letters, DocumentService documents, SigningSessionRepository sessions,
			StaffDirectory directory, SigningTimes times, ApproverCertificates certificates, Clock clock) {
		this.signing = signing;
		this.letters = letters;
		this.documents = documents;
		this.sessions = sessions;
		this.directory = directory;
		this.times = times;
		this.certificates = certificates;
		this.clock = clock;
	}

	/**
	 * Starts a two-step signature for a token or a remote signing service: checks the
	 * signer's certificate, prepares the result with its chain and answers what must be
	 * signed.
	 * @param certificateChain the signer's certificate first, Base64 DER or PEM each
	 * @throws ProblemException 422 for an unreadable chain, or a certificate that is
	 * outside its validity period, not for signing, not chaining to a trust anchor or not
	 * the approver's ({@link ApproverCertificates}); nothing is prepared or stored then
	 */
	@Transactional
	public SigningSessionView startSession(String taskId, List<String> certificateChain) {
		TaskView step = this.signing.signingStep(taskId);
		Caller caller = this.directory.currentCaller();
		List<X509Certificate> chain = parseChain(certificateChain);
		this.certificates.require(caller, chain);
		IssuedPdf result = this.letters.issueResult(step.dossierCode());
		PreparedSignature prepared;
		try {
			prepared = this.signing.signer()
				.prepare(this.signing.approverRequest(result.pdf(), step.dossierCode(), caller), chain);
		}
		catch (SigningException ex) {
			throw ProblemException.invalid("certificateChain", ex.getMessage());
		}
		Instant now = this.clock.instant();
		SigningSession session = this.sessions.save(new SigningSession(UUID.randomUUID().toString(), taskId,
				step.dossierCode(), prepared.handle(), pem(chain), caller.username(), now, now.plus(SESSION_LIFETIME)));
		Base64.Encoder base64 = Base64.getEncoder();
		return new SigningSessionView(session.id(), step.dossierCode(),
				base64.encodeToString(prepared.dataToBeSigned()), base64.encodeToString(prepared.digest()),
				prepared.digestAlgorithm(), prepared.signatureAlgorithm(), session.expiresAt());
	}

	/**
	 * Completes a two-step signature with the value the token computed.
	 * @return the sign step the signature was for, which the caller completes
	 * @throws ProblemException 404 for an unknown session or one of another user; 409
	 * when it expired or was completed; 422 when the value does not match the
	 * certificate, or the certificate no longer passes the checks of the start (its
	 * registration was removed meanwhile, for example)
	 */
	@Transactional
	public String completeSession(String sessionId, String signatureValue) {
		Caller caller = this.directory.currentCaller();
		SigningSession session = this.sessions.findById(sessionId)
			.filter((candidate) -> candidate.createdBy().equals(caller.username()))
			.orElseThrow(() -> ProblemException.notFound("No signing session " + sessionId));
		if (session.completedAt() != null) {
			throw ProblemException.conflict("Signing session " + sessionId + " was already completed");
		}
		if (!this.clock.instant().isBefore(session.expiresAt())) {
			throw ProblemException
				.conflict("Signing session " + sessionId + " expired at " + session.expiresAt() + "; start a new one");
		}
		byte[] value = signatureValue(signatureValue);
		List<X509Certificate> chain = parseChain(List.of(session.certificateChain()));
		this.certificates.require(caller, chain);
		byte[] signed;
		try {
			signed = this.times.sign(SigningTimes.Role.APPROVER, SigningTimes.Key.EXTERNAL,
					() -> this.signing.signer().complete(session.handle(), value, chain));
		}
		catch (SigningException ex) {
			throw ProblemException.invalid("signatureValue", ex.getMessage());
		}
		DocumentView document = this.documents.issue(session.dossierCode(), DocumentKind.SIGNED_RESULT,
				"ket-qua-" + session.dossierCode() + "-da-ky.pdf", signed);
		this.signing.record(session.dossierCode(), document, "APPROVER", chain.get(0), caller.username());
		session.complete(this.clock.instant());
		return session.taskId();
	}

	private static byte[] signatureValue(String base64) {
		try {
			return Base64.getDecoder().decode(base64);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("signatureValue", "must be Base64");
		}
	}

	private static List<X509Certificate> parseChain(List<String> encoded) {
		if (encoded == null || encoded.isEmpty()) {
			throw ProblemException.invalid("certificateChain", "must hold the signer's certificate first");
		}
		List<X509Certificate> chain = new ArrayList<>();
		try {
			CertificateFactory factory = CertificateFactory.getInstance("X.509");
			for (String text : encoded) {
				byte[] bytes = text.contains("-----BEGIN") ? text.getBytes(java.nio.charset.StandardCharsets.US_ASCII)
						: Base64.getMimeDecoder().decode(text);
				for (var certificate : factory.generateCertificates(new ByteArrayInputStream(bytes))) {
					chain.add((X509Certificate) certificate);
				}
			}
		}
		catch (CertificateException | IllegalArgumentException ex) {
			throw ProblemException.invalid("certificateChain", "is not a readable X.509 chain: " + ex.getMessage());
		}
		if (chain.isEmpty()) {
			throw ProblemException.invalid("certificateChain", "holds no certificate");
		}
		return chain;
	}

	private static String pem(List<X509Certificate> chain) {
		StringWriter text = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
			for (X509Certificate certificate : chain) {
				writer.writeObject(certificate);
			}
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return text.toString();
	}

	/**
	 * A two-step signature waiting for the token.
	 *
	 * @param id session id
	 * @param dossierCode the dossier
	 * @param dataToBeSigned DER of the CMS signed attributes, Base64: what a token signs
	 * with SHA256withRSA / SHA256withECDSA
	 * @param digest SHA-256 of those bytes, Base64: what a service signs as a raw digest
	 * @param digestAlgorithm the digest algorithm
	 * @param signatureAlgorithm the signature algorithm expected
	 * @param expiresAt until when the value is accepted
	 */
	public record SigningSessionView(String id, String dossierCode, String dataToBeSigned, String digest,
			String digestAlgorithm, String signatureAlgorithm, Instant expiresAt) {
	}

}
