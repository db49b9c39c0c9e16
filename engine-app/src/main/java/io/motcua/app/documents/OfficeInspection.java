package io.motcua.app.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.Entry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

import io.motcua.app.documents.InflationBudget.Exceeded;
import io.motcua.app.documents.Refusal.Reason;

/**
 * Checks an Office file before it is stored. A Word, Excel or OpenDocument file of today
 * is a ZIP package: it must be exactly one archive (nothing before, between or after it),
 * hold no macro project, ActiveX control or embedded OLE object, link to nothing outside
 * but hyperlinks (a remote template, a linked picture or frame is fetched when the file
 * is opened), and no entry may inflate beyond the limits; every entry is inflated with a
 * cap, whatever size it claims. An old Word file (OLE2) must hold no macro storage and no
 * embedded objects.
 */
final class OfficeInspection {

	private static final int LOCAL_HEADER = 0x04034b50;

	private static final int END_OF_DIRECTORY = 0x06054b50;

	private static final int ZIP64_LOCATOR = 0x07064b50;

	private static final int MAX_ENTRIES = 10_000;

	/** .rels and content types are a few kilobytes; read into memory up to this. */
	private static final int MAX_XML_PART = 4 * 1024 * 1024;

	private static final Pattern RELATIONSHIP = Pattern.compile("<(?:\\w+:)?Relationship\\b([^>]*)>");

	private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)')");

	private static final Set<String> OLE2_MACRO_STORAGES = Set.of("macros", "_vba_project_cur", "vba", "_vba_project");

	private final ContentLimits limits;

	OfficeInspection(ContentLimits limits) {
		this.limits = limits;
	}

	/**
	 * Whether the bytes end with a ZIP archive's directory: a file of another format that
	 * a ZIP reader also opens (a polyglot).
	 */
	static boolean endsWithArchive(ByteBuffer bytes) {
		return endOfDirectory(bytes.duplicate().order(ByteOrder.LITTLE_ENDIAN), true) >= 0;
	}

	/** Why the file is refused, null when it may be stored. */
	Refusal inspect(ByteBuffer bytes, Path file, String format) throws IOException {
		return "doc".equals(format) ? ole2(file) : zipPackage(bytes, file);
	}

	private Refusal zipPackage(ByteBuffer raw, Path file) throws IOException {
		ByteBuffer bytes = raw.duplicate().order(ByteOrder.LITTLE_ENDIAN);
		if (bytes.limit() < 22 || bytes.getInt(0) != LOCAL_HEADER) {
			return polyglot("có dữ liệu khác trước phần đầu của gói ZIP", "other data comes before the ZIP package");
		}
		int end = endOfDirectory(bytes, true);
		if (end < 0) {
			return (endOfDirectory(bytes, false) >= 0)
					? polyglot("có dữ liệu khác sau phần cuối của gói ZIP",
							"other data follows the end of the ZIP package")
					: broken("gói ZIP không đầy đủ", "the ZIP package is incomplete");
		}
		if ((bytes.getShort(end + 20) & 0xffff) != 0) {
			return polyglot("gói ZIP mang một lời chú thích ở cuối", "the ZIP package carries a comment at its end");
		}
		long directorySize = bytes.getInt(end + 12) & 0xffffffffL;
		long directoryStart = bytes.getInt(end + 16) & 0xffffffffL;
		boolean zip64 = end >= 20 && bytes.getInt(end - 20) == ZIP64_LOCATOR;
		if (!zip64 && directoryStart + directorySize != end) {
			return polyglot("có dữ liệu khác xen giữa danh mục và phần cuối của gói ZIP",
					"other data sits between the ZIP package's directory and its end");
		}
		InflationBudget budget = new InflationBudget(this.limits, bytes.limit());
		try (ZipFile zip = new ZipFile(file.toFile())) {
			if (zip.size() > MAX_ENTRIES) {
				return broken("gói ZIP có hơn " + MAX_ENTRIES + " phần",
						"the package has more than " + MAX_ENTRIES + " parts");
			}
			Set<String> names = new HashSet<>();
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				String name = entry.getName();
				String lower = name.toLowerCase(Locale.ROOT);
				if (!names.add(lower)) {
					return broken("gói có hai phần cùng tên " + name, "the package holds two parts named " + name);
				}
				Refusal refusal = byName(lower, name);
				if (refusal != null) {
					return refusal;
				}
				if (entry.isDirectory()) {
					continue;
				}
				boolean xml = lower.endsWith(".rels") || lower.equals("[content_types].xml")
						|| lower.equals("meta-inf/manifest.xml");
				try (InputStream in = zip.getInputStream(entry)) {
					if (xml) {
						ByteArrayOutputStream text = new ByteArrayOutputStream();
						try (OutputStream count = budget.part(name, budget.partLimit())) {
							if (!copy(in, text, count)) {
								return broken("phần " + name + " lớn bất thường",
										"the part " + name + " is unusually large");
							}
						}
						refusal = byContent(lower, text.toString(StandardCharsets.UTF_8));
						if (refusal != null) {
							return refusal;
						}
					}
					else {
						try (OutputStream count = budget.part(name, budget.partLimit())) {
							in.transferTo(count);
						}
					}
				}
				catch (Exceeded ex) {
					return budget.refusal();
				}
			}
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return broken("không mở được gói ZIP (" + ex.getClass().getSimpleName() + ")",
					"the ZIP package does not open (" + ex.getClass().getSimpleName() + ")");
		}
	}

	/** Copies into memory and the count, up to {@link #MAX_XML_PART}. */
	private static boolean copy(InputStream in, ByteArrayOutputStream text, OutputStream count) throws IOException {
		byte[] buffer = new byte[8192];
		int n;
		while ((n = in.read(buffer)) >= 0) {
			count.write(buffer, 0, n);
			if (text.size() + n > MAX_XML_PART) {
				return false;
			}
			text.write(buffer, 0, n);
		}
		return true;
	}

	private static Refusal byName(String lower, String name) {
		String base = lower.substring(lower.lastIndexOf('/') + 1);
		if (base.equals("vbaproject.bin") || base.equals("vbadata.xml") || base.equals("vbaprojectsignature.bin")
				|| lower.startsWith("xl/macrosheets/") || lower.startsWith("basic/") || lower.startsWith("scripts/")) {
			return macros(name);
		}
		if (lower.contains("activex/")) {
			return new Refusal(Reason.MACROS,
					"tệp Office chứa điều khiển ActiveX (" + name + "); hãy lưu lại không có chúng",
					"the Office file carries ActiveX controls (" + name + "); save it again without them");
		}
		if (lower.contains("embeddings/") && (base.endsWith(".bin") || base.startsWith("oleobject"))) {
			return embedded(name);
		}
		return null;
	}

	private static Refusal byContent(String lower, String xml) {
		if (lower.equals("[content_types].xml")) {
			String text = xml.toLowerCase(Locale.ROOT);
			if (text.contains("macroenabled") || text.contains("vbaproject")) {
				return macros("[Content_Types].xml");
			}
			return null;
		}
		if (lower.equals("meta-inf/manifest.xml")) {
			String text = xml.toLowerCase(Locale.ROOT);
			return (text.contains("full-path=\"basic/") || text.contains("full-path=\"scripts/"))
					? macros("META-INF/manifest.xml") : null;
		}
		Matcher relationship = RELATIONSHIP.matcher(xml);
		while (relationship.find()) {
			String type = null;
			String target = null;
			boolean external = false;
			Matcher attribute = ATTRIBUTE.matcher(relationship.group(1));
			while (attribute.find()) {
				String value = (attribute.group(2) != null) ? attribute.group(2) : attribute.group(3);
				switch (attribute.group(1)) {
					case "Type" -> type = value;
					case "Target" -> target = value;
					case "TargetMode" -> external = "External".equalsIgnoreCase(value);
					default -> {
					}
				}
			}
			if (external && (type == null || !type.endsWith("/hyperlink"))) {
				String kind = (type != null) ? type.substring(type.lastIndexOf('/') + 1) : "?";
				String where = (target != null && target.length() > 120) ? target.substring(0, 120) + "…" : target;
				return new Refusal(Reason.EXTERNAL_LINK,
						"tệp Office liên kết tới nội dung bên ngoài (" + kind + ": " + where
								+ "), sẽ được tải về khi mở tệp; hãy gỡ liên kết rồi lưu lại",
						"the Office file links to content elsewhere (" + kind + ": " + where
								+ "), fetched when the file is opened; remove the link and save it again");
			}
		}
		return null;
	}

	private Refusal ole2(Path file) {
		try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
			return storages(fs.getRoot(), 0);
		}
		catch (IOException | RuntimeException ex) {
			return broken("không mở được tệp Word (" + ex.getClass().getSimpleName() + ")",
					"the Word file does not open (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static Refusal storages(DirectoryEntry directory, int depth) {
		if (depth > 16) {
			return broken("các ngăn lồng nhau quá sâu", "its storages are nested too deep");
		}
		for (Entry entry : directory) {
			String name = entry.getName().toLowerCase(Locale.ROOT);
			if (OLE2_MACRO_STORAGES.contains(name)) {
				return macros(entry.getName());
			}
			if (name.equals("objectpool")) {
				return embedded(entry.getName());
			}
			if (entry instanceof DirectoryEntry child) {
				Refusal refusal = storages(child, depth + 1);
				if (refusal != null) {
					return refusal;
				}
			}
		}
		return null;
	}

	/**
	 * The offset of the end-of-directory record; {@code exact}: only one that ends the
	 * file (its comment included), else any in the last 64 KiB.
	 */
	private static int endOfDirectory(ByteBuffer bytes, boolean exact) {
		int last = bytes.limit() - 22;
		int first = Math.max(0, last - 0xffff);
		for (int at = last; at >= first; at--) {
			if (bytes.getInt(at) == END_OF_DIRECTORY) {
				int comment = bytes.getShort(at + 20) & 0xffff;
				if (!exact || at + 22 + comment == bytes.limit()) {
					return at;
				}
			}
		}
		return -1;
	}

	private static Refusal macros(String part) {
		return new Refusal(Reason.MACROS,
				"tệp Office chứa macro (" + part + "); hãy lưu lại thành tệp không có macro (.docx, .xlsx) rồi gửi",
				"the Office file carries macros (" + part + "); save it as a file without macros (.docx, .xlsx) and"
						+ " send that");
	}

	private static Refusal embedded(String part) {
		return new Refusal(Reason.ACTIVE_CONTENT,
				"tệp Office chứa đối tượng nhúng (" + part + ") có thể chạy mã; hãy gỡ đối tượng đó rồi lưu lại",
				"the Office file embeds an object (" + part + ") that can run code; remove it and save again");
	}

	private static Refusal polyglot(String vietnamese, String english) {
		return new Refusal(Reason.POLYGLOT, "tệp Office là tệp ghép: " + vietnamese,
				"the Office file is a polyglot: " + english);
	}

	private static Refusal broken(String vietnamese, String english) {
		return new Refusal(Reason.BROKEN_STRUCTURE, "tệp Office bị hỏng: " + vietnamese,
				"the Office file is broken: " + english);
	}

}
