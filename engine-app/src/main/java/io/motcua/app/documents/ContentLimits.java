package io.motcua.app.documents;

/**
 * How much work a file may ask of us before it is refused: the pixel budget of one image
 * and how far its compressed parts may inflate.
 *
 * @param maxImagePixels most pixels (width × height) of one image, alone or in a PDF
 * @param maxInflatedSize most bytes one compressed part (a PDF stream, an entry of an
 * Office file) may inflate to; an image stream may also inflate to what its own
 * dimensions need
 * @param maxInflateRatio most times its own size that all compressed parts of a file may
 * inflate to together, beyond {@code maxInflatedSize}
 */
record ContentLimits(long maxImagePixels, long maxInflatedSize, int maxInflateRatio) {

	/** The defaults of {@link DocumentProperties}. */
	static final ContentLimits DEFAULTS = new ContentLimits(50_000_000L, 100L * 1024 * 1024, 100);

	static ContentLimits of(DocumentProperties properties) {
		return new ContentLimits(properties.maxImagePixels(), properties.maxInflatedSize().toBytes(),
				properties.maxInflateRatio());
	}

}
