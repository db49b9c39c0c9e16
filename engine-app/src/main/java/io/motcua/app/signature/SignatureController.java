package io.motcua.app.signature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;

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

import io.motcua.app.signature.TwoStepSigning.SigningSessionView;
import io.motcua.app.system.ProblemException;
import io.motcua.signing.VerificationReport;

/**
 * The start of a two-step signature, a result's signatures and the verification of any
 * PDF. Signing at the sign step completes it, so that is the lifecycle's.
 */
@RestController
class SignatureController {

	private final ResultSigning signing;

	private final TwoStepSigning twoStep;

	SignatureController(ResultSigning signing, TwoStepSigning twoStep) {
		this.signing = signing;
		this.twoStep = twoStep;
	}

	/** Starts a two-step signature: answers what the token must sign. */
	@PostMapping("/api/v1/signing-sessions")
	@PreAuthorize("hasRole('APPROVER')")
	ResponseEntity<SigningSessionView> start(@Valid @RequestBody SessionRequest request) {
		SigningSessionView session = this.twoStep.startSession(request.taskId(), request.certificateChain());
		return ResponseEntity.created(URI.create("/api/v1/signing-sessions/" + session.id())).body(session);
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
	 * Start of a two-step signature.
	 *
	 * @param taskId the sign step
	 * @param certificateChain the signer's certificate first, then its issuers; Base64
	 * DER or PEM
	 */
	record SessionRequest(@NotBlank String taskId, @NotEmpty List<@NotBlank String> certificateChain) {
	}

}
