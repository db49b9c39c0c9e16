package io.motcua.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A TrueType font from the class path, embedded as a subset into the PDFs we write
 * (receipts, letters, signature appearances). Parsing the font file took about half of
 * rendering a one-page letter; it is parsed once per thread instead of once per document.
 * Per thread, because a parsed font is read while a document is saved (that is when the
 * subset is cut) and fontbox does not promise that concurrent reads are safe.
 */
public final class EmbeddedFont {

	private final String resource;

	private final byte[] bytes;

	private final ThreadLocal<TrueTypeFont> parsed;

	private EmbeddedFont(String resource, byte[] bytes) {
		this.resource = resource;
		this.bytes = bytes;
		this.parsed = ThreadLocal.withInitial(this::parse);
	}

	/**
	 * The font at {@code resource} on the class path.
	 * @throws IllegalStateException when it is missing
	 */
	public static EmbeddedFont fromClassPath(String resource) {
		try (InputStream in = EmbeddedFont.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Font " + resource + " is missing from the class path");
			}
			return new EmbeddedFont(resource, in.readAllBytes());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read font " + resource, ex);
		}
	}

	/**
	 * The font, to be embedded as a subset of the glyphs used, when {@code document} is
	 * saved on this thread.
	 */
	public PDFont embedIn(PDDocument document) throws IOException {
		return PDType0Font.load(document, this.parsed.get(), true);
	}

	private TrueTypeFont parse() {
		try {
			return new TTFParser().parse(new RandomAccessReadBuffer(this.bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Font " + this.resource + " is not a readable TrueType font", ex);
		}
	}

}
