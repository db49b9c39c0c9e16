package io.motcua.signing;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * PDFs and images made at test time.
 */
final class TestDocuments {

	private TestDocuments() {
	}

	/**
	 * An A4 PDF with the given number of pages, each with a line of text, and a
	 * cross-reference stream (PDFBox 3 compresses by default).
	 */
	static byte[] pdf(int pages) {
		return pdf(pages, CompressParameters.DEFAULT_COMPRESSION);
	}

	/** The same PDF with a classic cross-reference table and no object streams. */
	static byte[] pdfWithCrossReferenceTable(int pages) {
		return pdf(pages, CompressParameters.NO_COMPRESSION);
	}

	private static byte[] pdf(int pages, CompressParameters compression) {
		try (PDDocument document = new PDDocument()) {
			PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
			for (int i = 1; i <= pages; i++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 14);
					content.newLineAtOffset(72, 760);
					content.showText("Quyet dinh so 123/QD-UBND - trang " + i);
					content.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out, compression);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A blue handwritten-looking stroke on a transparent background. */
	static byte[] blueSignaturePng() {
		BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0x10, 0x30, 0xc0));
		g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.drawArc(20, 30, 120, 70, 200, 250);
		g.drawLine(120, 90, 280, 20);
		g.drawArc(160, 40, 80, 50, 0, 300);
		g.dispose();
		return png(image);
	}

	/** A red round seal on a transparent background. */
	static byte[] redSealPng() {
		BufferedImage image = new BufferedImage(200, 200, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0xd0, 0x10, 0x10, 220));
		g.setStroke(new BasicStroke(8));
		g.drawOval(8, 8, 184, 184);
		g.setStroke(new BasicStroke(3));
		g.drawOval(30, 30, 140, 140);
		g.fillPolygon(new int[] { 100, 112, 145, 118, 128, 100, 72, 82, 55, 88 },
				new int[] { 60, 90, 92, 112, 145, 125, 145, 112, 92, 90 }, 10);
		g.dispose();
		return png(image);
	}

	private static byte[] png(BufferedImage image) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "png", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
