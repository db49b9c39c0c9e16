package io.motcua.app.dossier;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The person or business that applied. Personal data: never logged, never shown by the
 * public lookup.
 */
@Embeddable
public class Applicant {

	@Column(name = "applicant_full_name", nullable = false, length = 100)
	private String fullName;

	@Column(name = "applicant_identity_number", nullable = false, length = 20)
	private String identityNumber;

	@Column(name = "applicant_phone", length = 20)
	private String phone;

	@Column(name = "applicant_email", length = 254)
	private String email;

	@Column(name = "applicant_address", nullable = false, length = 300)
	private String address;

	protected Applicant() {
	}

	public Applicant(String fullName, String identityNumber, String phone, String email, String address) {
		this.fullName = fullName;
		this.identityNumber = identityNumber;
		this.phone = phone;
		this.email = email;
		this.address = address;
	}

	public String fullName() {
		return this.fullName;
	}

	public String identityNumber() {
		return this.identityNumber;
	}

	public String phone() {
		return this.phone;
	}

	public String email() {
		return this.email;
	}

	public String address() {
		return this.address;
	}

}
