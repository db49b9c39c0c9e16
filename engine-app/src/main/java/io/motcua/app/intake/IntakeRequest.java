package io.motcua.app.intake;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.motcua.app.dossier.Channel;

/**
 * An application as the counter (or the portal) submits it.
 *
 * @param procedureCode the procedure applied for
 * @param channel how it arrived
 * @param applicant who applies
 * @param formData the procedure's application form as a JSON object; may be omitted when
 * empty
 */
record IntakeRequest(@NotBlank @Size(max = 40) String procedureCode, @NotNull Channel channel,
		@NotNull @Valid ApplicantRequest applicant, JsonNode formData) {

	/**
	 * The applicant's details.
	 *
	 * @param fullName full name as on the identity card
	 * @param identityNumber the 12-digit citizen identity number (or a 9-digit old
	 * identity card)
	 * @param phone Vietnamese phone number, may be null
	 * @param email email, may be null
	 * @param address address
	 */
	record ApplicantRequest(@NotBlank @Size(max = 100) String fullName,
			@NotBlank @Pattern(regexp = "[0-9]{12}|[0-9]{9}",
					message = "must be 12 digits (or 9 for an old identity card)") String identityNumber,
			@Pattern(regexp = "(\\+84|0)[0-9]{9,10}",
					message = "must be a Vietnamese phone number such as 0912345678") String phone,
			@Email @Size(max = 254) String email, @NotBlank @Size(max = 300) String address) {
	}

}
