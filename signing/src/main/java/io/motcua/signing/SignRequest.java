package io.motcua.signing;

import java.util.Objects;

/**
 * What to sign and how.
 *
 * @param pdf the PDF to sign, not {@code null}
 * @param level the PAdES level, not {@code null}
 * @param reason reason stored in the signature dictionary (for example "Phê duyệt kết
 * quả"); may be {@code null}
 * @param location location (for example "UBND xã Tân Phú"); may be {@code null}
 * @param signerName signer's name or contact stored in the signature dictionary; may be
 * {@code null}
 * @param appearance visible appearance, or {@code null} for an invisible signature
 * @param certify {@code true} for a certification signature with DocMDP permission 2
 * (only form filling and further signatures allowed): use it for the first signature of a
 * result so that the organisation seal added later keeps it valid
 * @param tsaUrl URL of an RFC 3161 timestamp authority; required for B-T and B-LT,
 * ignored for B-B (may then be {@code null})
 */
public record SignRequest(byte[] pdf, SignatureLevel level, String reason, String location, String signerName,
		SignatureAppearance appearance, boolean certify, String tsaUrl) {

	/*
	 * Validates the components. Throws SigningException if the PDF or level is missing,
	 * or a timestamp level has no TSA URL
	 */
	public SignRequest {
		if (pdf == null || pdf.length == 0) {
			throw new SigningException("No PDF to sign");
		}
		Objects.requireNonNull(level, "level");
		if (level != SignatureLevel.PADES_BASELINE_B && (tsaUrl == null || tsaUrl.isBlank())) {
			throw new SigningException(level + " needs a timestamp authority URL");
		}
	}

	/**
	 * Creates an invisible, non-certifying B-B request.
	 * @param pdf the PDF, not {@code null}
	 * @param reason reason; may be {@code null}
	 * @return the request
	 */
	public static SignRequest baselineB(byte[] pdf, String reason) {
		return new SignRequest(pdf, SignatureLevel.PADES_BASELINE_B, reason, null, null, null, false, null);
	}

}
