package io.motcua.app.documents;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;

import io.motcua.app.documents.Refusal.Reason;

/**
 * Decides whether an applicant's file may enter a dossier, from its bytes: Apache Tika
 * detects the type (the file name is only a hint, checked against what the bytes are),
 * then the file is refused when it is an archive, an executable or a script, does not
 * match its name, or is not in a format the document type accepts; a file of an accepted
 * format is then refused when its content cannot be vouched for (active content,
 * decompression bombs, images over the pixel budget, polyglots, macros, broken
 * structure). Types are compared by their base media type (Tika answers
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

	private static final Set<String> MACRO_ENABLED = Set.of("application/vnd.ms-word.document.macroenabled.12",
			"application/vnd.ms-word.template.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
			"application/vnd.ms-excel.template.macroenabled.12", "application/vnd.ms-excel.addin.macroenabled.12",
			"application/vnd.ms-excel.sheet.binary.macroenabled.12",
			"application/vnd.ms-powerpoint.presentation.macroenabled.12",
			"application/vnd.ms-powerpoint.slideshow.macroenabled.12",
			"application/vnd.ms-powerpoint.addin.macroenabled.12");

	private final Detector detector = new DefaultDetector();

	private final ContentLimits limits;

	DocumentTypeDetector(ContentLimits limits) {
		this.limits = limits;
	}

	/** With the default limits. */
	DocumentTypeDetector() {
		this(ContentLimits.DEFAULTS);
	}

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
	 * Checks one file against the formats its document type accepts, then its content
	 * against what we can vouch for (see {@link PdfInspection}, {@link ImageInspection},
	 * {@link OfficeInspection}).
	 * @param file the file's bytes
	 * @param fileName the name the applicant gave it, may be null
	 * @param acceptedFormats formats of the procedure descriptor (pdf, jpeg, ...)
	 * @return what it is, and why it is refused when it is
	 * @throws IOException when the file cannot be read
	 */
	Detection inspect(Path file, String fileName, Collection<String> acceptedFormats) throws IOException {
		if (Files.size(file) == 0) {
			return Detection.refused("application/octet-stream", null,
					new Refusal(Reason.EMPTY_FILE, "tệp rỗng", "the file is empty"));
		}
		String mediaType = detect(file);
		String format = formatOf(mediaType);
		if (EXECUTABLES.contains(mediaType)) {
			return Detection.refused(mediaType, format,
					new Refusal(Reason.EXECUTABLE,
							"tệp là một chương trình (" + mediaType + "); không nhận tệp chạy được",
							"the file is a program (" + mediaType + "); executables are not accepted"));
		}
		if (SCRIPTS.contains(mediaType) || mediaType.contains("script")) {
			return Detection.refused(mediaType, format,
					new Refusal(Reason.SCRIPT,
							"tệp là trang web, mã lệnh hoặc văn bản đánh dấu (" + mediaType
									+ ") có thể mang nội dung chủ động; không nhận mã lệnh (script)",
							"the file is a web page, script or markup (" + mediaType
									+ ") that can carry active content; scripts are not accepted"));
		}
		if (ARCHIVES.contains(mediaType)) {
			return Detection.refused(mediaType, format, new Refusal(Reason.ARCHIVE,
					"tệp là tệp nén (" + mediaType + "); không nhận tệp nén, hãy gửi từng giấy tờ",
					"the file is an archive (" + mediaType + "); archives are not accepted, send each document"));
		}
		if (MACRO_ENABLED.contains(mediaType)) {
			return Detection.refused(mediaType, format,
					new Refusal(Reason.MACROS,
							"tệp là tài liệu Office có macro (" + mediaType
									+ "); hãy lưu lại thành tệp không có macro (.docx, .xlsx) rồi gửi",
							"the file is an Office document with macros (" + mediaType
									+ "); save it as a file without macros (.docx, .xlsx) and send that"));
		}
		if ("application/x-tika-ooxml".equals(mediaType)) {
			// Tika cannot tell which Office format a package is, for example
			// when it carries a macro project: say what is wrong with it.
			Refusal refusal = content(file, "docx");
			if (refusal != null) {
				return Detection.refused(mediaType, format, refusal);
			}
		}
		String extension = extensionOf(fileName);
		if (extension != null && (format == null || !FORMAT_EXTENSIONS.get(format).contains(extension))) {
			return Detection.refused(mediaType, format,
					new Refusal(Reason.NAME_MISMATCH,
							"nội dung là " + describe(mediaType, format) + " nhưng tên tệp ghi ." + extension
									+ "; nội dung không khớp với tên tệp",
							"the content is " + describe(mediaType, format) + " but the name says ." + extension
									+ "; the content does not match the file name"));
		}
		if (format == null || !acceptedFormats.contains(format)) {
			return Detection.refused(mediaType, format,
					new Refusal(Reason.FORMAT_NOT_ACCEPTED,
							describe(mediaType, format) + " không được nhận cho giấy tờ này; định dạng được nhận: "
									+ String.join(", ", acceptedFormats),
							describe(mediaType, format) + " is not accepted for this document; accepted: "
									+ String.join(", ", acceptedFormats)));
		}
		Refusal refusal = content(file, format);
		return new Detection(mediaType, format, refusal);
	}

	/** What the format's own checks say of the content; null when it may be stored. */
	private Refusal content(Path file, String format) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
			boolean zipPackage = format.equals("docx") || format.equals("xlsx") || format.equals("odt");
			if (!zipPackage && OfficeInspection.endsWithArchive(bytes)) {
				return new Refusal(Reason.POLYGLOT,
						"tệp " + format.toUpperCase(Locale.ROOT)
								+ " đồng thời là một tệp nén ZIP (tệp ghép); hãy gửi lại tệp gốc",
						"the " + format.toUpperCase(Locale.ROOT)
								+ " file is a ZIP archive at the same time (a polyglot); send the original file");
			}
			return switch (format) {
				case "pdf" -> {
					try (RandomAccessRead source = new RandomAccessReadBufferedFile(file.toFile())) {
						yield new PdfInspection(this.limits).inspect(bytes, source);
					}
				}
				case "png", "jpeg", "tiff" -> new ImageInspection(this.limits).inspect(bytes, format, file);
				case "docx", "xlsx", "odt", "doc" -> new OfficeInspection(this.limits).inspect(bytes, file, format);
				default -> null;
			};
		}
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

	/**
	 * What a file is.
	 *
	 * @param mediaType detected base media type
	 * @param format descriptor format, null when none
	 * @param refusal why the file is refused, null when accepted
	 */
	record Detection(String mediaType, String format, Refusal refusal) {

		static Detection refused(String mediaType, String format, Refusal refusal) {
			return new Detection(mediaType, format, refusal);
		}

		boolean accepted() {
			return this.refusal == null;
		}

	}

}
