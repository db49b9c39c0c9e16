package io.motcua.app.signature;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.motcua.app.signature.StaffCertificates.StaffCertificateView;

/**
 * Administrators register the certificates of the staff's USB tokens and remote signing
 * accounts: only a registered certificate starts a two-step signature.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class StaffCertificateController {

	private final StaffCertificates certificates;

	StaffCertificateController(StaffCertificates certificates) {
		this.certificates = certificates;
	}

	@GetMapping("/api/v1/staff/{username}/certificates")
	List<StaffCertificateView> list(@PathVariable String username) {
		return this.certificates.registeredTo(username);
	}

	@PostMapping("/api/v1/staff/{username}/certificates")
	ResponseEntity<StaffCertificateView> register(@PathVariable String username,
			@Valid @RequestBody CertificateRegistration request) {
		StaffCertificateView registered = this.certificates.register(username, request.certificate(), request.sha256());
		return ResponseEntity.created(URI.create("/api/v1/staff/" + username + "/certificates/" + registered.id()))
			.body(registered);
	}

	@DeleteMapping("/api/v1/staff/{username}/certificates/{id}")
	ResponseEntity<Void> remove(@PathVariable String username, @PathVariable long id) {
		this.certificates.remove(username, id);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A certificate to register: the certificate itself, or its fingerprint.
	 *
	 * @param certificate the certificate, Base64 DER or PEM
	 * @param sha256 SHA-256 of its DER encoding, hex (colons allowed)
	 */
	record CertificateRegistration(@Size(max = 20000) String certificate, @Size(max = 100) String sha256) {
	}

}
