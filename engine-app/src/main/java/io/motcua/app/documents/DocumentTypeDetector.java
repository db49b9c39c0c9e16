package io.motcua.app.documents;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

/**
 * Decides whether an applicant's file may enter a dossier, from its bytes: Apache Tika
 * detects the type (the file name is only a hint, checked against what the bytes are),
 * then the file is refused when it is an archive, an executable or a script, does not
 * match its name, is not in a format the document type accepts, or is an encrypted or
 * broken PDF. Types are compared by their base media type (Tika answers
 * {@code application/x-msdownload; format=pe32} for a Windows executable).
 */
class DocumentTypeDetector {

	/** Formats of the procedure descriptors and their media types. */
	static final Map<String, String> FORMAT_MEDIA_TYPES = Map.of("pdf", "application/pdf", "jpeg", "image/jpeg", "png",
			"image/png", "tiff", "image/tiff", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "doc", "application/msword",
			"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "odt",
			"application/vnd.oasis.opendocument.text");

	private static final Map<String, Set<String>> FORMAT_EXTENSIONS = Map.of("pdf", Set.of("pdf"), "jpeg",
			Set.of("jpg", "jpeg", "jpe", "jfif"), "png", Set.of("png"), "tiff", Set.of("tif", "tiff"), "docx",
			Set.of("docx"), "doc", Set.of("doc"), "xlsx", Set.of("xlsx"), "odt", Set.of("odt"));

	private static final Set<String> ARCHIVES = Set.of("application/zip", "application/x-zip-compressed",
			"application/x-rar-compressed", "application/vnd.rar", "application/x-7z-compressed", "application/x-tar",
			"application/x-gtar", "application/gzip", "application/x-gzip", "application/x-bzip", "application/x-bzip2",
			"application/x-xz", "application/x-lzma", "application/zstd", "application/x-compress",
			"application/x-archive", "application/x-cpio", "application/x-iso9660-image",
			"application/vnd.ms-cab-compressed", "application/x-lzh-compressed", "application/x-arj");

	private static final Set<String> EXECUTABLES = Set.of("application/x-msdownload", "application/x-dosexec",
			"application/x-ms-installer", "application/x-msi", "application/x-executable", "application/x-elf",
			"application/x-sharedlib", "application/x-object", "application/x-coredump", "application/x-mach-o",
			"application/x-mach-o-executable", "application/x-mach-o-dylib", "application/x-mach-o-bundle",
			"application/java-archive", "application/java-vm", "application/x-java-jnlp-file",
			"application/vnd.android.package-archive", "application/x-apple-diskimage",
			"application/vnd.microsoft.portable-executable");

	private static final Set<String> SCRIPTS = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
			"application/javascript", "text/javascript", "application/x-javascript", "application/ecmascript",
			"application/x-sh", "application/x-shellscript", "application/x-csh", "application/x-bat",
			"application/x-msdos-program", "text/x-python", "text/x-perl", "application/x-perl", "text/x-php",
			"application/x-httpd-php", "text/x-vbscript", "text/vbscript", "application/x-powershell",
			"application/hta", "text/x-script", "application/x-ms-shortcut", "application/xml", "text/xml");

	private final Detector detector = new DefaultDetector();

	/**
	 * The base media type of a file, from its bytes only.
	 * @throws IOException when the file cannot be read
	 */
	String detect(Path file) throws IOException {
		try (TikaInputStream stream = TikaInputStream.get(file)) {
			MediaType type = this.detector.detect(stream, new Metadata());
			return type.getBaseType().toString();
		}
	}

	/**
	 * Checks one file against the formats its document type accepts.
	 * @param file the file's bytes
	 * @param fileName the name the applicant gave it, may be null
	 * @param acceptedFormats formats of the procedure descriptor (pdf, jpeg, ...)
	 * @return what it is, and why it is refused when it is
	 * @throws IOException when the file cannot be read
	 */
	Detection inspect(Path file, String fileName, Collection<String> acceptedFormats) throws IOException {
		if (Files.size(file) == 0) {
			return Detection.refused("application/octet-stream", null, "the file is empty");
		}
		String mediaType = detect(file);
		String format = formatOf(mediaType);
		if (EXECUTABLES.contains(mediaType)) {
			return Detection.refused(mediaType, format,
					"the file is a program (" + mediaType + "); executables are not accepted");
		}
		if (SCRIPTS.contains(mediaType) || mediaType.contains("script")) {
			return Detection.refused(mediaType, format, "the file is a web page, script or markup (" + mediaType
					+ ") that can carry active content; scripts are not accepted");
		}
		if (ARCHIVES.contains(mediaType)) {
			return Detection.refused(mediaType, format,
					"the file is an archive (" + mediaType + "); archives are not accepted, send each document");
		}
		String extension = extensionOf(fileName);
		if (extension != null && (format == null || !FORMAT_EXTENSIONS.get(format).contains(extension))) {
			return Detection.refused(mediaType, format, "the content is " + describe(mediaType, format)
					+ " but the name says ." + extension + "; the content does not match the file name");
		}
		if (format == null || !acceptedFormats.contains(format)) {
			return Detection.refused(mediaType, format, describe(mediaType, format)
					+ " is not accepted for this document; accepted: " + String.join(", ", acceptedFormats));
		}
		if ("pdf".equals(format)) {
			String problem = pdfProblem(file);
			if (problem != null) {
				return Detection.refused(mediaType, format, problem);
			}
		}
		return new Detection(mediaType, format, null);
	}

	/** The descriptor format of a media type, null when it is none of them. */
	static String formatOf(String mediaType) {
		return FORMAT_MEDIA_TYPES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(mediaType))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	private static String describe(String mediaType, String format) {
		return (format != null) ? format.toUpperCase(Locale.ROOT) + " (" + mediaType + ")" : mediaType;
	}

	private static String extensionOf(String fileName) {
		if (fileName == null) {
			return null;
		}
		String name = fileName.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		if (dot < 0 || dot == name.length() - 1) {
			return null;
		}
		return name.substring(dot + 1).toLowerCase(Locale.ROOT);
	}

	/** Encrypted, truncated or unreadable PDFs; null when the PDF is fine. */
	private static String pdfProblem(Path file) {
		if (!endsWithEof(file)) {
			return "the PDF is truncated (no end-of-file marker); send the complete file";
		}
		try (PDDocument document = Loader.loadPDF(file.toFile())) {
			if (document.isEncrypted()) {
				return "the PDF is encrypted or password-protected; send it without protection";
			}
			if (document.getNumberOfPages() == 0) {
				return "the PDF has no pages";
			}
			return null;
		}
		catch (InvalidPasswordException ex) {
			return "the PDF is encrypted or password-protected; send it without protection";
		}
		catch (IOException | RuntimeException ex) {
			return "the PDF cannot be read (" + ex.getClass().getSimpleName() + ")";
		}
	}

	private static boolean endsWithEof(Path file) {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			long length = raf.length();
			int tail = (int) Math.min(length, 2048);
			byte[] bytes = new byte[tail];
			raf.seek(length - tail);
			raf.readFully(bytes);
			return new String(bytes, StandardCharsets.ISO_8859_1).contains("%%EOF");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * What a file is.
	 *
	 * @param mediaType detected base media type
	 * @param format descriptor format, null when none
	 * @param refusal why the file is refused, null when accepted
	 */
	record Detection(String mediaType, String format, String refusal) {

		static Detection refused(String mediaType, String format, String refusal) {
			return new Detection(mediaType, format, refusal);
		}

		boolean accepted() {
			return this.refusal == null;
		}

	}

}
