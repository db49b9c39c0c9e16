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
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.documents.DocumentKind;
import io.motcua.app.documents.DocumentService;
import io.motcua.app.documents.DocumentService.IssuedPdf;
import io.motcua.app.documents.DocumentView;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.DossierFacts;
import io.motcua.app.security.Caller;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierTaskCompleted;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.TaskView;
import io.motcua.processes.DossierLifecycle;
import io.motcua.signing.Indication;
import io.motcua.signing.PdfSignatureVerifier;
import io.motcua.signing.PdfSigner;
import io.motcua.signing.PreparedSignature;
import io.motcua.signing.SignRequest;
import io.motcua.signing.SignatureAppearance;
import io.motcua.signing.SignatureLevel;
import io.motcua.signing.SigningException;
import io.motcua.signing.SigningKey;
import io.motcua.signing.VerificationReport;

/**
 * Signing of a dossier's result. The approver signs at the sign step, with the
 * server-held key (explicitly, or implicitly by choosing SIGN) or through the two-step
 * flow; the lifecycle's seal task then applies the unit's seal and its verification task
 * verifies the result, which must be VALID before the dossier can be returned.
 */
@Service
public class ResultSigning {

	private static final Logger log = LoggerFactory.getLogger(ResultSigning.class);

	/**
	 * Where the signature block sits on the result's first page (points, from bottom
	 * left).
	 */
	private static final float BLOCK_X = 320;

	private static final float BLOCK_Y = 70;

	private static final float BLOCK_WIDTH = 230;

	private static final float BLOCK_HEIGHT = 130;

	private static final float SEAL_SIZE = 95;

	private static final String TITLE = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH";

	private static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);

	private final DocumentService documents;

	private final DossierService dossiers;

	private final DossierTasks tasks;

	private final StaffDirectory directory;

	private final SigningKeyStore keys;

	private final SignatureRecordRepository records;

	private final SigningSessionRepository sessions;

	private final SignatureProperties properties;

	private final Clock clock;

	private final PdfSigner signer;

	ResultSigning(DocumentService documents, DossierService dossiers, DossierTasks tasks, StaffDirectory directory,
			SigningKeyStore keys, SignatureRecordRepository records, SigningSessionRepository sessions,
			SignatureProperties properties, Clock clock) {
		this.documents = documents;
		this.dossiers = dossiers;
		this.tasks = tasks;
		this.directory = directory;
		this.keys = keys;
		this.records = records;
		this.sessions = sessions;
		this.properties = properties;
		this.clock = clock;
		this.signer = new PdfSigner(clock, Duration.ofSeconds(10));
	}

	/**
	 * The approver signs the result with the server-held key and completes the sign step.
	 * @throws ProblemException 404 for a step the caller may not see, 409 when it is not
	 * an open sign step or already signed, 403 for a caller who is not its approver
	 */
	@Transactional
	public SignedResult signWithServerKey(String taskId, String comment) {
		TaskView step = signingStep(taskId);
		signAsApprover(step.dossierCode(), this.directory.currentCaller());
		this.tasks.complete(taskId, DossierLifecycle.OUTCOME_SIGN, comment, Map.of());
		return signedResult(step.dossierCode());
	}

	/**
	 * Starts a two-step signature for a token or a remote signing service: prepares the
	 * result with the signer's certificate chain and answers what must be signed.
	 * @param certificateChain the signer's certificate first, Base64 DER or PEM each
	 * @throws ProblemException 422 for an unreadable chain
	 */
	@Transactional
	public SigningSessionView startSession(String taskId, List<String> certificateChain) {
		TaskView step = signingStep(taskId);
		Caller caller = this.directory.currentCaller();
		List<X509Certificate> chain = parseChain(certificateChain);
		IssuedPdf result = this.documents.issueResult(step.dossierCode());
		PreparedSignature prepared;
		try {
			prepared = this.signer.prepare(approverRequest(result.pdf(), step.dossierCode(), caller), chain);
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
	 * Completes a two-step signature with the value the token computed, then the sign
	 * step.
	 * @throws ProblemException 404 for an unknown session or one of another user; 409
	 * when it expired or was completed; 422 when the value does not match the certificate
	 */
	@Transactional
	public SignedResult completeSession(String sessionId, String signatureValue, String comment) {
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
		byte[] value;
		try {
			value = Base64.getDecoder().decode(signatureValue);
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.invalid("signatureValue", "must be Base64");
		}
		List<X509Certificate> chain = parseChain(List.of(session.certificateChain()));
		byte[] signed;
		try {
			signed = this.signer.complete(session.handle(), value, chain);
		}
		catch (SigningException ex) {
			throw ProblemException.invalid("signatureValue", ex.getMessage());
		}
		DocumentView document = this.documents.issue(session.dossierCode(), DocumentKind.SIGNED_RESULT,
				"ket-qua-" + session.dossierCode() + "-da-ky.pdf", signed);
		record(session.dossierCode(), document, "APPROVER", chain.get(0), level(), caller.username());
		session.complete(this.clock.instant());
		this.tasks.complete(session.taskId(), DossierLifecycle.OUTCOME_SIGN, comment, Map.of());
		return signedResult(session.dossierCode());
	}

	/** Signatures on a dossier's result, for a caller who may see the dossier. */
	@Transactional(readOnly = true)
	public List<SignatureView> signatures(String dossierCode) {
		this.dossiers.find(dossierCode);
		return this.records.findByDossierCodeOrderById(dossierCode).stream().map(SignatureRecord::view).toList();
	}

	/** Verifies any PDF against the configured trust anchors. */
	public VerificationReport verify(byte[] pdf) {
		return verifier().verify(pdf);
	}

	/**
	 * The seal task: applies the processing unit's seal to the approver-signed result.
	 * Runs in the engine's job, without a caller; a retry after a failure does not seal
	 * twice.
	 */
	@Transactional
	public void applySeal(String dossierCode) {
		List<SignatureView> signatures = this.records.findByDossierCodeOrderById(dossierCode)
			.stream()
			.map(SignatureRecord::view)
			.toList();
		if (signatures.stream().anyMatch((signature) -> "SEAL".equals(signature.role()))) {
			return;
		}
		DocumentView approved = this.documents.latestIssued(dossierCode, DocumentKind.SIGNED_RESULT)
			.orElseThrow(() -> new IllegalStateException(
					"Dossier " + dossierCode + " has no result signed by the approver; it cannot be sealed"));
		String approver = signatures.stream()
			.filter((signature) -> "APPROVER".equals(signature.role()))
			.map(SignatureView::signedBy)
			.reduce((first, second) -> second)
			.orElse(dossierCode);
		DossierFacts facts = this.dossiers.facts(dossierCode);
		String unitName = unitName(facts.processingUnit());
		SigningKey seal = this.keys.sealKey(facts.processingUnit(), unitName);
		SignatureAppearance appearance = SignatureAppearance
			.signature(1, BLOCK_X, BLOCK_Y, BLOCK_WIDTH, BLOCK_HEIGHT, null, null, SignatureImages.signature(approver))
			.withSeal(SignatureImages.seal(), SEAL_SIZE);
		byte[] sealedPdf = this.signer.sign(new SignRequest(this.documents.storedContent(approved), level(),
				"Đóng dấu " + unitName, unitName, unitName, appearance, false, this.properties.tsaUrl()), seal);
		DocumentView document = this.documents.issue(dossierCode, DocumentKind.SIGNED_RESULT,
				"ket-qua-" + dossierCode + ".pdf", sealedPdf);
		record(dossierCode, document, "SEAL", seal.certificate(), level(), StaffDirectory.SYSTEM_ACTOR);
	}

	/**
	 * The verification task: the signed and sealed result must be VALID with both
	 * signatures; otherwise the dossier stops here (the job fails and, after its retries,
	 * raises an incident with this message).
	 */
	@Transactional
	public void verifyResult(String dossierCode) {
		DocumentView result = this.documents.latestIssued(dossierCode, DocumentKind.SIGNED_RESULT)
			.orElseThrow(() -> new IllegalStateException("Dossier " + dossierCode + " has no signed result to verify"));
		VerificationReport report = verify(this.documents.storedContent(result));
		if (report.indication() != Indication.VALID || report.signatures().size() < 2) {
			throw new IllegalStateException("The signed result of dossier " + dossierCode + " (document " + result.id()
					+ ") is " + report.indication() + " with " + report.signatures().size() + " signature(s): "
					+ report.reasons() + "; check the keys and trust anchors, then retry the job");
		}
		this.dossiers.note(dossierCode, "RESULT_VERIFIED",
				"Signed result verified VALID: " + report.signatures().size() + " signatures, document " + result.id());
	}

	@EventListener
	void on(DossierTaskCompleted completed) {
		// Choosing SIGN at the sign step is the approver's decision to sign with the
		// server-held key.
		if (DossierLifecycle.TASK_SIGN_RESULT.equals(completed.taskKey())
				&& this.documents.latestIssued(completed.dossierCode(), DocumentKind.SIGNED_RESULT).isEmpty()) {
			signAsApprover(completed.dossierCode(), this.directory.currentCaller());
		}
	}

	private void signAsApprover(String dossierCode, Caller approver) {
		if (this.documents.latestIssued(dossierCode, DocumentKind.SIGNED_RESULT).isPresent()) {
			throw ProblemException.conflict("The result of dossier " + dossierCode + " is already signed");
		}
		IssuedPdf result = this.documents.issueResult(dossierCode);
		SigningKey key = this.keys.staffKey(approver.username(), approver.fullName(), unitName(approver.unitCode()));
		byte[] signed = this.signer.sign(approverRequest(result.pdf(), dossierCode, approver), key);
		DocumentView document = this.documents.issue(dossierCode, DocumentKind.SIGNED_RESULT,
				"ket-qua-" + dossierCode + "-da-ky.pdf", signed);
		record(dossierCode, document, "APPROVER", key.certificate(), level(), approver.username());
		log.info("Result of dossier {} signed by {} ({})", dossierCode, approver.username(), level());
	}

	private SignRequest approverRequest(byte[] pdf, String dossierCode, Caller approver) {
		SignatureAppearance appearance = SignatureAppearance.signature(1, BLOCK_X, BLOCK_Y, BLOCK_WIDTH, BLOCK_HEIGHT,
				TITLE, approver.fullName(), SignatureImages.signature(approver.username()));
		// The approver certifies (DocMDP: later signatures only), so the seal keeps the
		// signature valid.
		return new SignRequest(pdf, level(), "Phê duyệt kết quả hồ sơ " + dossierCode, unitName(approver.unitCode()),
				approver.fullName(), appearance, true, this.properties.tsaUrl());
	}

	private TaskView signingStep(String taskId) {
		TaskView step = this.tasks.find(taskId);
		if (!DossierLifecycle.TASK_SIGN_RESULT.equals(step.taskKey()) || step.completedAt() != null) {
			throw ProblemException.conflict("Task " + taskId + " is not an open signing step");
		}
		if (!this.directory.currentCaller().has(Role.APPROVER)) {
			throw ProblemException.forbidden("Only an approver signs results");
		}
		return step;
	}

	private void record(String dossierCode, DocumentView document, String role, X509Certificate certificate,
			SignatureLevel level, String actor) {
		this.records
			.save(new SignatureRecord(dossierCode, document.id(), role, certificate.getSubjectX500Principal().getName(),
					certificate.getSerialNumber().toString(16), level.name(), this.clock.instant(), actor));
		this.dossiers.note(dossierCode, "RESULT_SIGNED", role + " signature by "
				+ certificate.getSubjectX500Principal().getName() + " (" + level + "), document " + document.id());
	}

	private SignedResult signedResult(String dossierCode) {
		DocumentView document = this.documents.latestIssued(dossierCode, DocumentKind.SIGNED_RESULT).orElseThrow();
		return new SignedResult(dossierCode, document.id(),
				this.records.findByDossierCodeOrderById(dossierCode).stream().map(SignatureRecord::view).toList());
	}

	private PdfSignatureVerifier verifier() {
		return new PdfSignatureVerifier(this.keys.trustAnchors()).withClock(this.clock);
	}

	private SignatureLevel level() {
		return (this.properties.tsaUrl() != null && !this.properties.tsaUrl().isBlank())
				? SignatureLevel.PADES_BASELINE_T : SignatureLevel.PADES_BASELINE_B;
	}

	private String unitName(String unitCode) {
		return this.directory.unit(unitCode).map(StaffDirectory.UnitView::name).orElse(unitCode);
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
	 * A signed result.
	 *
	 * @param dossierCode the dossier
	 * @param documentId the latest signed version of its result
	 * @param signatures the signatures applied so far
	 */
	public record SignedResult(String dossierCode, Long documentId, List<SignatureView> signatures) {
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
