package io.motcua.app.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/audit/verification}: checks the audit trail now (every chain, or
 * {@code ?chain=dossier/<code>}, {@code staff}, {@code sign-in}) and reports each broken
 * chain's first broken position.
 */
@RestController
@RequestMapping("/api/v1/admin/audit")
@PreAuthorize("hasRole('ADMIN')")
class AuditController {

	private final AuditVerification verification;

	AuditController(AuditVerification verification) {
		this.verification = verification;
	}

	@GetMapping("/verification")
	AuditReport verification(@RequestParam(required = false) String chain) {
		return (chain != null && !chain.isBlank()) ? this.verification.verify(chain) : this.verification.verifyAll();
	}

}
