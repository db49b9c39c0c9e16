package io.motcua.app.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;

import io.motcua.signing.EmbeddedFont;

/**
 * Lays out the letters the office issues (receipt, supplement request, refusal) as A4
 * PDFs with DejaVu Sans embedded, so that Vietnamese diacritics print and extract
 * correctly on any reader, and an optional QR code drawn as vectors.
 */
class LetterRenderer {

	private static final float MARGIN = 56;

	private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

	private final EmbeddedFont regular = EmbeddedFont.fromClassPath("fonts/DejaVuSans.ttf");

	private final EmbeddedFont bold = EmbeddedFont.fromClassPath("fonts/DejaVuSans-Bold.ttf");

	/**
	 * A letter.
	 *
	 * @param issuer the unit issuing it (printed top left)
	 * @param formNumber "Mẫu số 01" and the like
	 * @param title the title, printed in capitals
	 * @param fields label and value lines
	 * @param listTitle heading of the list, may be null
	 * @param items numbered list items
	 * @param closing closing paragraphs
	 * @param qrContent text of the QR code, null for none
	 */
	record Letter(String issuer, String formNumber, String title, List<Field> fields, String listTitle,
			List<String> items, List<String> closing, String qrContent) {
	}

	/**
	 * One line of a letter.
	 *
	 * @param label the label
	 * @param value the value
	 */
	record Field(String label, String value) {
	}

	byte[] render(Letter letter) {
		try (PDDocument document = new PDDocument()) {
			PDFont font = this.regular.embedIn(document);
			PDFont heading = this.bold.embedIn(document);
			PDDocumentInformation info = document.getDocumentInformation();
			info.setTitle(letter.title());
			info.setCreator("Motcua");
			Writer writer = new Writer(document, font, heading);
			writer.pair(letter.issuer(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
			writer.pair("", "Độc lập - Tự do - Hạnh phúc");
			writer.space(6);
			writer.right(letter.formNumber(), 9);
			writer.space(14);
			writer.centered(letter.title(), 14);
			writer.space(14);
			for (Field field : letter.fields()) {
				writer.paragraph(field.label() + ": ", field.value(), 11);
			}
			if (letter.listTitle() != null) {
				writer.space(6);
				writer.paragraph(letter.listTitle(), "", 11);
				int n = 1;
				for (String item : letter.items()) {
					writer.paragraph("", "   " + n++ + ". " + item, 11);
				}
			}
			writer.space(6);
			for (String paragraph : letter.closing()) {
				writer.paragraph("", paragraph, 11);
			}
			if (letter.qrContent() != null) {
				writer.space(10);
				writer.qr(letter.qrContent(), 110);
				writer.paragraph("", "Tra cứu: " + letter.qrContent(), 8);
			}
			writer.close();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot render " + letter.title(), ex);
		}
	}

	/** Writes lines top to bottom, starting new pages as needed. */
	private static final class Writer {

		private final PDDocument document;

		private final PDFont font;

		private final PDFont bold;

		private PDPageContentStream stream;

		private float y;

		Writer(PDDocument document, PDFont font, PDFont bold) throws IOException {
			this.document = document;
			this.font = font;
			this.bold = bold;
			newPage();
		}

		private void newPage() throws IOException {
			if (this.stream != null) {
				this.stream.close();
			}
			PDPage page = new PDPage(PDRectangle.A4);
			this.document.addPage(page);
			this.stream = new PDPageContentStream(this.document, page);
			this.y = PDRectangle.A4.getHeight() - MARGIN;
		}

		void space(float points) {
			this.y -= points;
		}

		private void ensure(float height) throws IOException {
			if (this.y - height < MARGIN) {
				newPage();
			}
		}

		void pair(String left, String right) throws IOException {
			float size = 10;
			ensure(size * 1.5f);
			this.y -= size * 1.4f;
			float column = WIDTH / 2;
			text(this.bold, size, MARGIN + (column - width(this.bold, left, size)) / 2, left);
			text(this.bold, size, MARGIN + column + (column - width(this.bold, right, size)) / 2, right);
		}

		void right(String line, float size) throws IOException {
			ensure(size * 1.5f);
			this.y -= size * 1.4f;
			text(this.font, size, MARGIN + WIDTH - width(this.font, line, size), line);
		}

		void centered(String line, float size) throws IOException {
			for (String part : wrap(this.bold, line, size, WIDTH)) {
				ensure(size * 1.5f);
				this.y -= size * 1.4f;
				text(this.bold, size, MARGIN + (WIDTH - width(this.bold, part, size)) / 2, part);
			}
		}

		/** A bold label followed by wrapped text. */
		void paragraph(String label, String value, float size) throws IOException {
			float labelWidth = width(this.bold, label, size);
			List<String> lines = wrap(this.font, value, size, WIDTH - labelWidth);
			if (lines.isEmpty()) {
				lines = List.of("");
			}
			boolean first = true;
			for (String line : lines) {
				ensure(size * 1.6f);
				this.y -= size * 1.5f;
				if (first && !label.isEmpty()) {
					text(this.bold, size, MARGIN, label);
				}
				text(this.font, size, MARGIN + labelWidth, line);
				first = false;
			}
		}

		void qr(String content, float size) throws IOException {
			BitMatrix matrix;
			try {
				matrix = new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0,
						Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
								EncodeHintType.CHARACTER_SET, "UTF-8"));
			}
			catch (WriterException ex) {
				throw new IOException("Cannot encode the QR code", ex);
			}
			ensure(size + 4);
			float module = size / matrix.getWidth();
			float top = this.y;
			for (int row = 0; row < matrix.getHeight(); row++) {
				for (int column = 0; column < matrix.getWidth(); column++) {
					if (matrix.get(column, row)) {
						this.stream.addRect(MARGIN + column * module, top - (row + 1) * module, module, module);
					}
				}
			}
			this.stream.fill();
			this.y -= size;
		}

		private void text(PDFont font, float size, float x, String text) throws IOException {
			if (text.isEmpty()) {
				return;
			}
			this.stream.beginText();
			this.stream.setFont(font, size);
			this.stream.newLineAtOffset(x, this.y);
			this.stream.showText(printable(font, text));
			this.stream.endText();
		}

		void close() throws IOException {
			this.stream.close();
		}

		private static float width(PDFont font, String text, float size) throws IOException {
			return font.getStringWidth(printable(font, text)) / 1000 * size;
		}

		/** Characters the font has no glyph for (emoji in a file name) become '?'. */
		private static String printable(PDFont font, String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach((c) -> {
				String character = new String(Character.toChars(c));
				try {
					font.encode(character);
					out.append(character);
				}
				catch (IOException | IllegalArgumentException ex) {
					out.append('?');
				}
			});
			return out.toString();
		}

		private static List<String> wrap(PDFont font, String text, float size, float width) throws IOException {
			List<String> lines = new ArrayList<>();
			for (String paragraph : clean(text).split("\n")) {
				StringBuilder line = new StringBuilder();
				for (String word : paragraph.split(" ")) {
					String candidate = line.isEmpty() ? word : line + " " + word;
					if (width(font, candidate, size) <= width || line.isEmpty()) {
						line.setLength(0);
						line.append(candidate);
					}
					else {
						lines.add(line.toString());
						line.setLength(0);
						line.append(word);
					}
				}
				lines.add(line.toString());
			}
			return lines;
		}

		/** Characters the font cannot show (controls, tabs) become spaces. */
		private static String clean(String text) {
			StringBuilder out = new StringBuilder(text.length());
			text.codePoints().forEach((c) -> {
				if (c == '\n') {
					out.append('\n');
				}
				else if (Character.isISOControl(c)) {
					out.append(' ');
				}
				else {
					out.appendCodePoint(c);
				}
			});
			return out.toString();
		}

	}

}
