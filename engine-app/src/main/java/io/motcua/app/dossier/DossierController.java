package io.motcua.app.dossier;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.dossier.DossierViews.DossierFilter;
import io.motcua.app.dossier.DossierViews.DossierSummary;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.dossier.DossierViews.TimelineEntry;
import io.motcua.app.system.PageView;
import io.motcua.app.workflow.TaskView;

/**
 * Staff API for dossiers: lists, details, timeline, and the applicant's requests that
 * reach the counter (withdrawal, supplements). Intake ({@code POST /api/v1/dossiers}) is
 * the intake feature's.
 */
@RestController
@Validated
@RequestMapping("/api/v1/dossiers")
class DossierController {

	private final DossierService dossiers;

	DossierController(DossierService dossiers) {
		this.dossiers = dossiers;
	}

	@GetMapping
	PageView<DossierSummary> list(@RequestParam(required = false) DossierStatus status,
			@RequestParam(required = false) String procedure, @RequestParam(required = false) Boolean overdue,
			@RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
		return this.dossiers.list(new DossierFilter(status, procedure, overdue, q), page, size);
	}

	@GetMapping("/{code}")
	DossierView get(@PathVariable String code) {
		return this.dossiers.find(code);
	}

	@GetMapping("/{code}/events")
	List<TimelineEntry> events(@PathVariable String code) {
		return this.dossiers.timeline(code);
	}

	@GetMapping("/{code}/steps")
	List<TaskView> steps(@PathVariable String code) {
		return this.dossiers.steps(code);
	}

	@PostMapping("/{code}/withdrawal")
	@PreAuthorize("hasRole('CLERK')")
	DossierView withdraw(@PathVariable String code, @Valid @RequestBody WithdrawalRequest request) {
		return this.dossiers.withdraw(code, request.reason());
	}

	@PostMapping("/{code}/supplement-requests")
	@PreAuthorize("hasRole('SPECIALIST')")
	DossierView requestSupplement(@PathVariable String code, @Valid @RequestBody SupplementRequest request) {
		return this.dossiers.requestSupplement(code, request.reason(), request.deadline());
	}

	@PostMapping("/{code}/supplements")
	@PreAuthorize("hasRole('CLERK')")
	DossierView receiveSupplement(@PathVariable String code, @Valid @RequestBody SupplementReceipt request) {
		return this.dossiers.receiveSupplement(code, request.note());
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
	 * The supplement has arrived.
	 *
	 * @param note what was brought
	 */
	record SupplementReceipt(@Size(max = 2000) String note) {
	}

}
