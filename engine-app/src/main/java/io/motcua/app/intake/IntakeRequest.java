package io.motcua.app.intake;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
 * @param paperOriginals the counter's checklist: each document the applicant brought on
 * paper; every required document of the procedure is either here or attached as a file
 */
record IntakeRequest(@NotBlank @Size(max = 40) String procedureCode, @NotNull Channel channel,
		@NotNull @Valid ApplicantRequest applicant, JsonNode formData,
		@Schema(description = "Giấy tờ đã nhận bản giấy: mỗi giấy tờ bắt buộc của thủ tục phải có ở đây"
				+ " hoặc được đính kèm tệp (multipart); thiếu thì 422 nêu tên giấy tờ. / The counter's"
				+ " checklist: documents received as paper originals, with the number of copies; every"
				+ " required document of the procedure is ticked here or attached as a file (multipart),"
				+ " otherwise 422 naming each one missing. Not for hand-overs from the portal.") @Size(
						max = 50) List<@NotNull @Valid PaperOriginalRequest> paperOriginals) {

	IntakeRequest {
		paperOriginals = (paperOriginals != null) ? List.copyOf(paperOriginals) : List.of();
	}

	IntakeRequest(String procedureCode, Channel channel, ApplicantRequest applicant, JsonNode formData) {
		this(procedureCode, channel, applicant, formData, List.of());
	}

	/**
	 * A document received on paper at the counter.
	 *
	 * @param documentType the procedure's document type code (e.g. {@code GIAY_DE_NGHI})
	 * @param copies how many copies were received; the procedure's number when omitted
	 */
	record PaperOriginalRequest(@NotBlank @Size(max = 60) String documentType, @Min(1) @Max(99) Integer copies) {
	}

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
