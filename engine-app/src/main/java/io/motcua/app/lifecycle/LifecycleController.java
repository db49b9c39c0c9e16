package io.motcua.app.lifecycle;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.signature.ResultSigning.SignedResult;
import io.motcua.app.workflow.StepDecision;
import io.motcua.app.workflow.TaskView;

/**
 * The commands that move a dossier after intake: complete a step, sign at the sign step,
 * hand a step over, request or record a supplement, withdraw, send back to signing after
 * a failed verification; and a dossier's steps.
 */
@RestController
class LifecycleController {

	private final StepCompletion completion;

	private final Supplements supplements;

	private final Withdrawals withdrawals;

	private final SigningAgain signingAgain;

	LifecycleController(StepCompletion completion, Supplements supplements, Withdrawals withdrawals,
			SigningAgain signingAgain) {
		this.completion = completion;
		this.supplements = supplements;
		this.withdrawals = withdrawals;
		this.signingAgain = signingAgain;
	}

	@PostMapping("/api/v1/tasks/{id}/complete")
	ResponseEntity<Void> complete(@PathVariable String id, @Valid @RequestBody CompleteTaskRequest request) {
		this.completion.complete(id, new StepDecision(request.outcome(), request.comment(), request.formData()));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/tasks/{id}/assignee")
	@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
	TaskView reassign(@PathVariable String id, @Valid @RequestBody ReassignRequest request) {
		return this.completion.reassign(id, request.username());
	}

	/**
	 * The approver signs the result with the server-held key and completes the sign step.
	 */
	@PostMapping("/api/v1/tasks/{id}/signature")
	@PreAuthorize("hasRole('APPROVER')")
	SignedResult sign(@PathVariable String id, @Valid @RequestBody(required = false) SignatureRequest request) {
		return this.completion.signWithServerKey(id, (request != null) ? request.comment() : null);
	}

	/**
	 * Completes a two-step signature with the token's signature value, then the sign
	 * step.
	 */
	@PostMapping("/api/v1/signing-sessions/{id}/signature-value")
	@PreAuthorize("hasRole('APPROVER')")
	SignedResult completeSignature(@PathVariable String id, @Valid @RequestBody SignatureValue request) {
		return this.completion.completeTwoStepSignature(id, request.signatureValue(), request.comment());
	}

	@GetMapping("/api/v1/dossiers/{code}/steps")
	List<TaskView> steps(@PathVariable String code) {
		return this.completion.steps(code);
	}

	@PostMapping("/api/v1/dossiers/{code}/withdrawal")
	@PreAuthorize("hasRole('CLERK')")
	DossierView withdraw(@PathVariable String code, @Valid @RequestBody WithdrawalRequest request) {
		return this.withdrawals.withdraw(code, request.reason());
	}

	@PostMapping("/api/v1/dossiers/{code}/supplement-requests")
	@PreAuthorize("hasRole('SPECIALIST')")
	DossierView requestSupplement(@PathVariable String code, @Valid @RequestBody SupplementRequest request) {
		return this.supplements.request(code, request.reason(), request.deadline());
	}

	@PostMapping("/api/v1/dossiers/{code}/supplements")
	@PreAuthorize("hasRole('CLERK')")
	DossierView receiveSupplement(@PathVariable String code, @Valid @RequestBody SupplementReceipt request) {
		return this.supplements.receive(code, request.note());
	}

	/**
	 * Sends a dossier whose signed result did not verify back to signing: the approver
	 * signs again.
	 */
	@PostMapping("/api/v1/dossiers/{code}/return-to-signing")
	@PreAuthorize("hasAnyRole('APPROVER', 'SUPERVISOR', 'ADMIN')")
	DossierView returnToSigning(@PathVariable String code, @Valid @RequestBody ReturnToSigningRequest request) {
		return this.signingAgain.returnToSigning(code, request.reason());
	}

	/**
	 * Completion of a step.
	 *
	 * @param outcome one of the step's outcomes
	 * @param comment free text for the dossier's timeline
	 * @param formData data of the step's own form (review findings, approval remarks),
	 * validated against it; may be omitted
	 */
	record CompleteTaskRequest(@NotBlank String outcome, @Size(max = 2000) String comment, JsonNode formData) {
	}

	/**
	 * A new holder for a step.
	 *
	 * @param username member of staff of the step's unit with the step's role
	 */
	record ReassignRequest(@NotBlank String username) {
	}

	/**
	 * Signing with the server-held key.
	 *
	 * @param comment for the dossier's timeline, may be null
	 */
	record SignatureRequest(@Size(max = 2000) String comment) {
	}

	/**
	 * The token's answer.
	 *
	 * @param signatureValue the signature over {@code dataToBeSigned}, Base64
	 * @param comment for the dossier's timeline, may be null
	 */
	record SignatureValue(@NotBlank String signatureValue, @Size(max = 2000) String comment) {
	}

	/**
	 * The applicant's withdrawal.
	 *
	 * @param reason why, as the applicant stated it
	 */
	record WithdrawalRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	/**
	 * A request for missing documents.
	 *
	 * @param reason what is missing and why
	 * @param deadline until when the applicant may bring it; null for the configured
	 * default
	 */
	record SupplementRequest(@NotBlank @Size(max = 2000) String reason, Instant deadline) {
	}

	/**
	 * Back to signing.
	 *
	 * @param reason why, for the timeline (what was wrong with the signed result)
	 */
	record ReturnToSigningRequest(@NotBlank @Size(max = 1000) String reason) {
	}

	/**
	 * The supplement has arrived.
	 *
	 * @param note what was brought
	 */
	record SupplementReceipt(@Size(max = 2000) String note) {
	}

}
