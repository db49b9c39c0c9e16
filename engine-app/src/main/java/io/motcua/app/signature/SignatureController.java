package io.motcua.app.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.motcua.app.signature.ResultSigning.SignedResult;
import io.motcua.app.signature.ResultSigning.SigningSessionView;
import io.motcua.app.system.ProblemException;
import io.motcua.signing.VerificationReport;

/**
 * Signing of results (server-held key and the two-step flow) and verification of any PDF.
 */
@RestController
class SignatureController {

	private final ResultSigning signing;

	SignatureController(ResultSigning signing) {
		this.signing = signing;
	}

	/**
	 * The approver signs the result with the server-held key and completes the sign step.
	 */
	@PostMapping("/api/v1/tasks/{id}/signature")
	@PreAuthorize("hasRole('APPROVER')")
	SignedResult sign(@PathVariable String id, @Valid @RequestBody(required = false) SignatureRequest request) {
		return this.signing.signWithServerKey(id, (request != null) ? request.comment() : null);
	}

	/** Starts a two-step signature: answers what the token must sign. */
	@PostMapping("/api/v1/signing-sessions")
	@PreAuthorize("hasRole('APPROVER')")
	ResponseEntity<SigningSessionView> start(@Valid @RequestBody SessionRequest request) {
		SigningSessionView session = this.signing.startSession(request.taskId(), request.certificateChain());
		return ResponseEntity.created(URI.create("/api/v1/signing-sessions/" + session.id())).body(session);
	}

	/** Completes a two-step signature with the token's signature value. */
	@PostMapping("/api/v1/signing-sessions/{id}/signature-value")
	@PreAuthorize("hasRole('APPROVER')")
	SignedResult complete(@PathVariable String id, @Valid @RequestBody SignatureValue request) {
		return this.signing.completeSession(id, request.signatureValue(), request.comment());
	}

	/** Signatures on a dossier's result. */
	@GetMapping("/api/v1/dossiers/{code}/signatures")
	List<SignatureView> signatures(@PathVariable String code) {
		return this.signing.signatures(code);
	}

	/** Verifies an uploaded PDF (a result, or a signed document an applicant brought). */
	@PostMapping(path = "/api/v1/signatures/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	VerificationReport verify(@RequestParam("file") MultipartFile file) {
		if (file.isEmpty()) {
			throw ProblemException.invalid("file", "is empty");
		}
		try {
			return this.signing.verify(file.getBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Signing with the server-held key.
	 *
	 * @param comment for the dossier's timeline, may be null
	 */
	record SignatureRequest(@Size(max = 2000) String comment) {
	}

	/**
	 * Start of a two-step signature.
	 *
	 * @param taskId the sign step
	 * @param certificateChain the signer's certificate first, then its issuers; Base64
	 * DER or PEM
	 */
	record SessionRequest(@NotBlank String taskId, @NotEmpty List<@NotBlank String> certificateChain) {
	}

	/**
	 * The token's answer.
	 *
	 * @param signatureValue the signature over {@code dataToBeSigned}, Base64
	 * @param comment for the dossier's timeline, may be null
	 */
	record SignatureValue(@NotBlank String signatureValue, @Size(max = 2000) String comment) {
	}

}
