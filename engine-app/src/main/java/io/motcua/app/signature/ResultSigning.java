package io.motcua.app.signature;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.audit.AuditFact;
import io.motcua.app.audit.AuditKind;
import io.motcua.app.audit.AuditedRow;
import io.motcua.app.documents.DocumentKind;
import io.motcua.app.documents.DocumentService;
import io.motcua.app.documents.DocumentView;
import io.motcua.app.documents.Letters;
import io.motcua.app.documents.Letters.IssuedPdf;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.DossierFacts;
import io.motcua.app.security.Caller;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.ResultSealing;
import io.motcua.app.workflow.StepKind;
import io.motcua.app.workflow.TaskView;
import io.motcua.signing.Indication;
import io.motcua.signing.PdfSignatureVerifier;
import io.motcua.signing.PdfSigner;
import io.motcua.signing.SignRequest;
import io.motcua.signing.SignatureAppearance;
import io.motcua.signing.SignatureLevel;
import io.motcua.signing.SignatureReport;
import io.motcua.signing.SigningKey;
import io.motcua.signing.VerificationReport;

/**
 * Signing of a dossier's result: the approver signs at the sign step with the server-held
 * key (or through {@link TwoStepSigning}); the lifecycle's jobs then apply the unit's
 * seal and verify the result, which must be VALID before the dossier can be returned.
 */
@Service
public class ResultSigning implements ResultSealing {

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

	private final DocumentService documents;

	private final Letters letters;

	private final DossierService dossiers;

	private final DossierTasks tasks;

	private final StaffDirectory directory;

	private final SigningKeyStore keys;

	private final SignatureRecordRepository records;

	private final SignatureProperties properties;

	private final Clock clock;

	private final PdfSigner signer;

	private final SigningTimes times;

	ResultSigning(DocumentService documents, Letters letters, DossierService dossiers, DossierTasks tasks,
			StaffDirectory directory, SigningKeyStore keys, SignatureRecordRepository records,
			SignatureProperties properties, SigningTimes times, Clock clock) {
		this.documents = documents;
		this.letters = letters;
		this.dossiers = dossiers;
		this.tasks = tasks;
		this.directory = directory;
		this.keys = keys;
		this.records = records;
		this.properties = properties;
		this.clock = clock;
		// Drawn now, at start: AWT and ImageIO cannot start up while the
		// JVM shuts down, and a seal job may still be finishing then
		SignatureImages.seal();
		this.times = times;
		this.signer = new PdfSigner(clock, Duration.ofSeconds(10));
	}

	/**
	 * Whether the approver has signed the dossier's result (and the signature was not set
	 * aside since).
	 */
	@Transactional(readOnly = true)
	public boolean isSigned(String dossierCode) {
		return this.records.existsByDossierCodeAndRoleAndVoidedAtIsNull(dossierCode, "APPROVER");
	}

	/**
	 * The approver signs the dossier's result with the server-held key: the result is
	 * rendered, signed (certifying, so that the seal keeps it valid) and stored.
	 * @throws ProblemException 409 when it is signed already
	 */
	@Transactional
	public void signAsApprover(String dossierCode, Caller approver) {
		if (isSigned(dossierCode)) {
			throw ProblemException.conflict("The result of dossier " + dossierCode + " is already signed");
		}
		IssuedPdf result = this.letters.issueResult(dossierCode);
		SigningKey key = this.keys.staffKey(approver.username(), approver.fullName(),
				this.directory.unitName(approver.unitCode()));
		SignRequest request = approverRequest(result.pdf(), dossierCode, approver);
		byte[] signed = this.times.sign(SigningTimes.Role.APPROVER, SigningTimes.Key.SERVER,
				() -> this.signer.sign(request, key));
		DocumentView document = this.documents.issue(dossierCode, DocumentKind.SIGNED_RESULT,
				"ket-qua-" + dossierCode + "-da-ky.pdf", signed);
		record(dossierCode, document, "APPROVER", key.certificate(), approver.username());
		log.info("Result of dossier {} signed by {} ({})", dossierCode, approver.username(), level());
	}

	/**
	 * A sign step the caller may sign at.
	 * @throws ProblemException 404 for a step the caller may not see, 409 when it is not
	 * an open sign step, 403 for a caller who is not an approver
	 */
	@Transactional(readOnly = true)
	public TaskView signingStep(String taskId) {
		TaskView step = this.tasks.find(taskId);
		if (step.kind() != StepKind.SIGNING || !step.isOpen()) {
			throw ProblemException.conflict("Task " + taskId + " is not an open signing step");
		}
		if (!this.directory.currentCaller().has(Role.APPROVER)) {
			throw ProblemException.forbidden("Only an approver signs results");
		}
		return step;
	}

	/** The latest signed version of a dossier's result and its signatures. */
	@Transactional(readOnly = true)
	public SignedResult signedResult(String dossierCode) {
		DocumentView document = this.documents.latestIssued(dossierCode, DocumentKind.SIGNED_RESULT).orElseThrow();
		return new SignedResult(dossierCode, document.id(),
				this.records.findByDossierCodeAndVoidedAtIsNullOrderById(dossierCode)
					.stream()
					.map(SignatureRecord::view)
					.toList());
	}

	/**
	 * Signatures on a dossier's result, for a caller who may see the dossier; those set
	 * aside (the result did not verify and was signed again) too, marked so.
	 */
	@Transactional(readOnly = true)
	public List<SignatureView> signatures(String dossierCode) {
		this.dossiers.find(dossierCode);
		return this.records.findByDossierCodeOrderById(dossierCode).stream().map(SignatureRecord::view).toList();
	}

	/** Verifies any PDF against the configured trust anchors. */
	public VerificationReport verify(byte[] pdf) {
		return new PdfSignatureVerifier(this.keys.trustAnchors()).withClock(this.clock).verify(pdf);
	}

	/**
	 * The seal step: applies the processing unit's seal to the approver-signed result.
	 * Runs in the engine's job, without a caller; a retry after a failure does not seal
	 * twice.
	 */
	@Override
	@Transactional
	public void seal(String dossierCode) {
		List<SignatureView> signatures = this.records.findByDossierCodeAndVoidedAtIsNullOrderById(dossierCode)
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
		String unitName = this.directory.unitName(facts.processingUnit());
		SigningKey seal = this.keys.sealKey(facts.processingUnit(), unitName);
		SignatureAppearance appearance = SignatureAppearance
			.signature(1, BLOCK_X, BLOCK_Y, BLOCK_WIDTH, BLOCK_HEIGHT, null, null, SignatureImages.signature(approver))
			.withSeal(SignatureImages.seal(), SEAL_SIZE);
		SignRequest request = new SignRequest(this.documents.storedContent(approved), level(), "Đóng dấu " + unitName,
				unitName, unitName, appearance, false, this.properties.tsaUrl());
		byte[] sealedPdf = this.times.sign(SigningTimes.Role.SEAL, SigningTimes.Key.SERVER,
				() -> this.signer.sign(request, seal));
		DocumentView document = this.documents.issue(dossierCode, DocumentKind.SIGNED_RESULT,
				"ket-qua-" + dossierCode + ".pdf", sealedPdf);
		record(dossierCode, document, "SEAL", seal.certificate(), StaffDirectory.SYSTEM_ACTOR);
	}

	/**
	 * The verification step: the signed and sealed result must be VALID with both
	 * signatures. A result that is not is noted in the timeline with the reasons, and the
	 * dossier waits to be sent back to signing; a result that cannot be read fails the
	 * job (retried, then an incident).
	 */
	@Override
	@Transactional
	public boolean verify(String dossierCode) {
		DocumentView result = this.documents.latestIssued(dossierCode, DocumentKind.SIGNED_RESULT)
			.orElseThrow(() -> new IllegalStateException("Dossier " + dossierCode + " has no signed result to verify"));
		byte[] content = this.documents.storedContent(result);
		VerificationReport report = this.times.verify(() -> verify(content), ResultSigning::isValidResult);
		if (!isValidResult(report)) {
			String why = "Signed result (document " + result.id() + ") is " + report.indication() + " with "
					+ report.signatures().size() + " signature(s): " + findings(report);
			this.dossiers.note(dossierCode, "RESULT_INVALID", StaffDirectory.SYSTEM_ACTOR, why);
			log.warn("The signed result of dossier {} does not verify: {}; check the keys and trust anchors,"
					+ " then send it back to signing", dossierCode, why);
			return false;
		}
		this.dossiers.note(dossierCode, "RESULT_VERIFIED",
				"Signed result verified VALID: " + report.signatures().size() + " signatures, document " + result.id());
		return true;
	}

	/**
	 * The dossier goes back to signing: the signatures on its result are set aside (kept
	 * for the record), so that the approver signs a freshly made result and the seal is
	 * applied again.
	 * @param reason why, for the timeline
	 */
	@Transactional
	public void setAsideSignatures(String dossierCode, String reason) {
		List<SignatureRecord> current = this.records.findByDossierCodeAndVoidedAtIsNullOrderById(dossierCode);
		current.forEach((signature) -> signature.setAside(this.clock.instant()));
		this.dossiers.note(dossierCode, "SIGNATURES_SET_ASIDE",
				current.size() + " signature(s) set aside (" + current.stream().map(SignatureRecord::role).toList()
						+ ")" + ((reason != null && !reason.isBlank()) ? ": " + reason : ""));
	}

	/** What the report found, document first, then each signature with its reasons. */
	private static String findings(VerificationReport report) {
		List<String> findings = new java.util.ArrayList<>(report.reasons());
		for (int i = 0; i < report.signatures().size(); i++) {
			SignatureReport signature = report.signatures().get(i);
			findings.add("signature " + (i + 1) + " by " + signature.signerSubject() + " is " + signature.indication()
					+ (signature.reasons().isEmpty() ? "" : ": " + signature.reasons()));
		}
		return findings.toString();
	}

	/** A sealed result is valid with both signatures, the approver's and the seal. */
	private static boolean isValidResult(VerificationReport report) {
		return report.indication() == Indication.VALID && report.signatures().size() >= 2;
	}

	PdfSigner signer() {
		return this.signer;
	}

	SignRequest approverRequest(byte[] pdf, String dossierCode, Caller approver) {
		SignatureAppearance appearance = SignatureAppearance.signature(1, BLOCK_X, BLOCK_Y, BLOCK_WIDTH, BLOCK_HEIGHT,
				TITLE, approver.fullName(), SignatureImages.signature(approver.username()));
		// The approver certifies (DocMDP: later signatures only), so the seal keeps the
		// signature valid.
		return new SignRequest(pdf, level(), "Phê duyệt kết quả hồ sơ " + dossierCode,
				this.directory.unitName(approver.unitCode()), approver.fullName(), appearance, true,
				this.properties.tsaUrl());
	}

	void record(String dossierCode, DocumentView document, String role, X509Certificate certificate, String actor) {
		SignatureLevel level = level();
		SignatureRecord signature = this.records
			.save(new SignatureRecord(dossierCode, document.id(), role, certificate.getSubjectX500Principal().getName(),
					certificate.getSerialNumber().toString(16), level.name(), this.clock.instant(), actor));
		this.dossiers.note(dossierCode, "RESULT_SIGNED", role + " signature by "
				+ certificate.getSubjectX500Principal().getName() + " (" + level + "), document " + document.id());
		this.dossiers.audit(dossierCode,
				new AuditFact(AuditKind.SIGNATURE, this.clock.instant(), actor, dossierCode,
						role + " " + level + ", certificate " + certificate.getSerialNumber().toString(16)
								+ ", document " + document.id(),
						new AuditedRow(SignatureRows.TABLE, signature.id(), signature.digest())));
	}

	private SignatureLevel level() {
		return (this.properties.tsaUrl() != null && !this.properties.tsaUrl().isBlank())
				? SignatureLevel.PADES_BASELINE_T : SignatureLevel.PADES_BASELINE_B;
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

}
