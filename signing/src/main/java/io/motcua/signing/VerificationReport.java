package io.motcua.signing;

import java.util.List;

/**
 * Result of verifying all signatures of a PDF.
 *
 * @param indication overall outcome: {@link Indication#INVALID} if any signature is
 * invalid or the file is unreadable, else {@link Indication#INDETERMINATE} if any is
 * indeterminate or there is no signature, else {@link Indication#VALID}; never
 * {@code null}
 * @param signatures one report per signature, in file order (first signed first); never
 * {@code null}, empty for unsigned or unreadable files
 * @param reasons document-level findings (unreadable file, no signature); never
 * {@code null}
 */
public record VerificationReport(Indication indication, List<SignatureReport> signatures, List<String> reasons) {

	/**
	 * Tells whether the document and all its signatures are valid.
	 * @return {@code true} when {@link #indication()} is {@link Indication#VALID}
	 */
	public boolean isValid() {
		return this.indication == Indication.VALID;
	}

}
