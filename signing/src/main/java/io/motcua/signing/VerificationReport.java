package io.motcua.signing;

import java.util.List;

/**
 * Result of verifying all signatures of a PDF.
 *
 * @param indication overall outcome: {@link Indication#INVALID} if any signature is
 * invalid, the file is unreadable, or bytes after the last signed revision are not part
 * of any revision ({@link UncoveredBytes.Kind#UNREFERENCED}); else
 * {@link Indication#INDETERMINATE} if any signature is indeterminate, there is no
 * signature, or whitespace follows the last signed revision; else
 * {@link Indication#VALID}; never {@code null}
 * @param signatures one report per signature, in file order (first signed first); never
 * {@code null}, empty for unsigned or unreadable files
 * @param uncovered what follows the end of the last signed revision, in file order: later
 * incremental updates (validation data, for example), whitespace, or bytes no
 * cross-reference reaches; empty when the last signature covers the whole file; never
 * {@code null}
 * @param reasons document-level findings (unreadable file, no signature, each uncovered
 * range and what it is); never {@code null}
 */
public record VerificationReport(Indication indication, List<SignatureReport> signatures,
		List<UncoveredBytes> uncovered, List<String> reasons) {

	/**
	 * Tells whether the document and all its signatures are valid.
	 * @return {@code true} when {@link #indication()} is {@link Indication#VALID}
	 */
	public boolean isValid() {
		return this.indication == Indication.VALID;
	}

}
