package io.motcua.app.signature;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A certificate an administrator registered to a member of staff, by its SHA-256
 * fingerprint: with it the member may start a two-step signature (USB token, remote
 * signing). Registered or removed, never changed.
 */
@Entity
@Table(name = "staff_certificate")
class StaffCertificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false, length = 60)
	private String username;

	@Column(nullable = false, length = 64)
	private String sha256;

	@Column(length = 500)
	private String subject;

	@Column(name = "serial_number", length = 100)
	private String serialNumber;

	@Column(name = "not_after")
	private Instant notAfter;

	@Column(name = "registered_by", nullable = false, length = 60)
	private String registeredBy;

	@Column(name = "registered_at", nullable = false)
	private Instant registeredAt;

	protected StaffCertificate() {
	}

	/**
	 * A registration; subject, serial number and end of validity are known when the
	 * certificate itself was given, null when only its fingerprint (lower-case hex
	 * SHA-256 of the DER encoding) was.
	 */
	StaffCertificate(String username, String sha256, String subject, String serialNumber, Instant notAfter,
			String registeredBy, Instant registeredAt) {
		this.username = username;
		this.sha256 = sha256;
		this.subject = subject;
		this.serialNumber = serialNumber;
		this.notAfter = notAfter;
		this.registeredBy = registeredBy;
		this.registeredAt = registeredAt;
	}

	Long id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String sha256() {
		return this.sha256;
	}

	StaffCertificates.StaffCertificateView view() {
		return new StaffCertificates.StaffCertificateView(this.id, this.username, this.sha256, this.subject,
				this.serialNumber, this.notAfter, this.registeredBy, this.registeredAt);
	}

}
