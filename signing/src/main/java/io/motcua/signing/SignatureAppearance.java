package io.motcua.signing;

import java.util.Objects;

/**
 * How a signature is shown on the page (Decree 30/2020/ND-CP on administrative
 * documents).
 * <p>
 * Two kinds:
 * <ul>
 * <li>{@link Kind#SIGNATURE}: the signature block of an approver: the title (for example
 * "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH", lines separated by {@code \n}) on top, the signer's image
 * (a blue, transparent PNG) in the middle, the signer's name below it; optionally the
 * organisation seal (a red, transparent PNG) drawn at its real size over the left third
 * of the signer's image.</li>
 * <li>{@link Kind#STAMP}: the stamp on attachments: a small box at the top right of the
 * first page with the document number and the signing time (ISO 8601), no image.</li>
 * </ul>
 * Coordinates are PDF points (1/72 inch) in the page's default user space, origin at the
 * bottom left of the media box. Text uses an embedded DejaVu Sans, so Vietnamese
 * diacritics render on every viewer.
 *
 * @param kind signature block or stamp, not {@code null}
 * @param page 1-based page number; ignored for stamps (always page 1)
 * @param x left edge of the rectangle; for stamps computed from the page size
 * @param y bottom edge of the rectangle; for stamps computed from the page size
 * @param width width of the rectangle, positive
 * @param height height of the rectangle, positive
 * @param title title lines above the image; may be {@code null}
 * @param signerName name below the image; may be {@code null}
 * @param signerImage PNG of the handwritten signature; may be {@code null} (no image)
 * @param sealImage PNG of the organisation seal; may be {@code null} (no seal)
 * @param sealSize side of the square the seal is drawn in, in points (a 36 mm seal is
 * about 102 points); ignored without a seal image
 * @param documentNumber document number printed on stamps (for example "123/QĐ-UBND");
 * may be {@code null} for signature blocks
 */
public record SignatureAppearance(Kind kind, int page, float x, float y, float width, float height, String title,
		String signerName, byte[] signerImage, byte[] sealImage, float sealSize, String documentNumber) {

	/** Width of a stamp in points. */
	public static final float STAMP_WIDTH = 200;

	/** Height of a stamp in points. */
	public static final float STAMP_HEIGHT = 42;

	/**
	 * The kind of appearance.
	 */
	public enum Kind {

		/** Signature block with title, signature image, name and optional seal. */
		SIGNATURE,

		/**
		 * Stamp with document number and signing time at the top right of the first page.
		 */
		STAMP

	}

	/*
	 * Validates the components. Throws SigningException if the kind is missing, the page
	 * is below 1 or the size is not positive
	 */
	public SignatureAppearance {
		if (kind == null) {
			throw new SigningException("The kind of a signature appearance is required");
		}
		if (page < 1) {
			throw new SigningException("Pages are numbered from 1, got " + page);
		}
		if (width <= 0 || height <= 0) {
			throw new SigningException("A signature appearance needs a positive width and height");
		}
	}

	/**
	 * Creates a signature block without a seal.
	 * @param page 1-based page number
	 * @param x left edge in points
	 * @param y bottom edge in points
	 * @param width width in points
	 * @param height height in points
	 * @param title title lines separated by {@code \n}; may be {@code null}
	 * @param signerName signer's name; may be {@code null}
	 * @param signerImage PNG of the signature; may be {@code null}
	 * @return the appearance
	 * @throws SigningException if the page or size is invalid
	 */
	public static SignatureAppearance signature(int page, float x, float y, float width, float height, String title,
			String signerName, byte[] signerImage) {
		return new SignatureAppearance(Kind.SIGNATURE, page, x, y, width, height, title, signerName, signerImage, null,
				0, null);
	}

	/**
	 * Creates a stamp for attachments: top right of the first page, document number and
	 * signing time.
	 * @param documentNumber the document number, not {@code null}
	 * @return the appearance
	 */
	public static SignatureAppearance stamp(String documentNumber) {
		Objects.requireNonNull(documentNumber, "documentNumber");
		return new SignatureAppearance(Kind.STAMP, 1, 0, 0, STAMP_WIDTH, STAMP_HEIGHT, null, null, null, null, 0,
				documentNumber);
	}

	/**
	 * Returns a copy with the organisation seal drawn over the left third of the signer's
	 * image.
	 * @param sealPng PNG of the seal (red, transparent background), not {@code null}
	 * @param sizeInPoints side of the square the seal is drawn in (its real size),
	 * positive
	 * @return the new appearance
	 */
	public SignatureAppearance withSeal(byte[] sealPng, float sizeInPoints) {
		Objects.requireNonNull(sealPng, "sealPng");
		if (sizeInPoints <= 0) {
			throw new SigningException("The seal size must be positive");
		}
		return new SignatureAppearance(this.kind, this.page, this.x, this.y, this.width, this.height, this.title,
				this.signerName, this.signerImage, sealPng, sizeInPoints, this.documentNumber);
	}

}
