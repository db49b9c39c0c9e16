package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSDocument;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

import io.motcua.app.documents.InflationBudget.Exceeded;
import io.motcua.app.documents.Refusal.Reason;

/**
 * Checks a PDF before it is stored: it must start with its header and end with its
 * end-of-file marker (nothing after it), load with PDFBox's strict parser (no
 * cross-reference repaired by guessing), every object must parse, the page tree must not
 * loop, no stream may inflate beyond the limits, no image may exceed the pixel budget,
 * and nothing may act by itself: JavaScript, Launch and other actions that open or send
 * things, embedded or attached files, XFA forms, RichMedia, sound, movies, 3D.
 * <p>
 * PDFBox decodes a stream into memory in one go, whatever its size, and it decodes
 * cross-reference and object streams while it parses. Those are therefore inflated here
 * first, with a cap, from the raw bytes; every other stream is decoded after parsing,
 * again with a cap, before anything else reads it.
 */
final class PdfInspection {

	private static final byte[] HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] STREAM = "stream".getBytes(StandardCharsets.US_ASCII);

	private static final Pattern FILTER = Pattern
		.compile("/Filter\\s*(\\[[^\\]]*\\]|/[^\\s/\\[\\]<>()]+|\\d+\\s+\\d+\\s+R)");

	private static final Pattern NAME = Pattern.compile("/([^\\s/\\[\\]<>()]+)");

	/** Action types that run code, open or send files, or play media. */
	private static final Map<String, String[]> ACTIVE_ACTIONS = Map.ofEntries(
			Map.entry("JavaScript", new String[] { "mã JavaScript", "JavaScript" }),
			Map.entry("Launch", new String[] { "lệnh Launch (mở chương trình)", "a Launch action (starts a program)" }),
			Map.entry("ImportData",
					new String[] { "lệnh nhập dữ liệu biểu mẫu", "a form action that imports data from a file" }),
			Map.entry("SubmitForm",
					new String[] { "lệnh gửi dữ liệu biểu mẫu đi nơi khác",
							"a form action that sends data elsewhere" }),
			Map.entry("GoToR", new String[] { "lệnh mở tệp khác", "an action that opens another file" }),
			Map.entry("GoToE", new String[] { "lệnh mở tệp nhúng", "an action that opens an embedded file" }),
			Map.entry("RichMediaExecute", new String[] { "nội dung đa phương tiện (RichMedia)", "RichMedia" }),
			Map.entry("Rendition", new String[] { "lệnh phát đa phương tiện", "a media action" }),
			Map.entry("Movie", new String[] { "lệnh phát phim", "a movie action" }),
			Map.entry("Sound", new String[] { "lệnh phát âm thanh", "a sound action" }),
			Map.entry("GoTo3DView", new String[] { "nội dung 3D", "3D content" }));

	/** Annotation and XObject subtypes that play media, attach files or run code. */
	private static final Map<String, String[]> ACTIVE_SUBTYPES = Map.ofEntries(
			Map.entry("RichMedia", new String[] { "nội dung đa phương tiện (RichMedia)", "RichMedia" }),
			Map.entry("Screen", new String[] { "vùng phát đa phương tiện (Screen)", "a media player (Screen)" }),
			Map.entry("Movie", new String[] { "phim", "a movie" }),
			Map.entry("Sound", new String[] { "âm thanh", "sound" }),
			Map.entry("3D", new String[] { "nội dung 3D", "3D content" }),
			Map.entry("FileAttachment", new String[] { "tệp đính kèm", "an attached file" }),
			Map.entry("PS", new String[] { "mã PostScript", "PostScript code" }));

	/** Filters that only unpack bytes; the image codecs after them make pixels. */
	private static final Set<String> GENERIC_FILTERS = Set.of("FlateDecode", "Fl", "LZWDecode", "LZW", "ASCIIHexDecode",
			"AHx", "ASCII85Decode", "A85", "RunLengthDecode", "RL");

	private static final Set<String> FLATE = Set.of("FlateDecode", "Fl");

	private static final int MAX_NESTING = 100;

	private static final int MAX_PAGE_TREE_DEPTH = 256;

	private final ContentLimits limits;

	PdfInspection(ContentLimits limits) {
		this.limits = limits;
	}

	/** Why the PDF is refused, null when it may be stored. */
	Refusal inspect(ByteBuffer bytes, RandomAccessRead source) throws IOException {
		Refusal refusal = ends(bytes);
		if (refusal != null) {
			return refusal;
		}
		InflationBudget budget = new InflationBudget(this.limits, bytes.limit());
		refusal = parsedStreams(bytes, budget);
		if (refusal != null) {
			return refusal;
		}
		try (PDDocument document = new PDFParser(source).parse(false)) {
			if (document.isEncrypted()) {
				return encrypted();
			}
			COSDocument cos = document.getDocument();
			refusal = new Walk(budget).objects(cos);
			return (refusal != null) ? refusal : pages(cos);
		}
		catch (InvalidPasswordException ex) {
			return encrypted();
		}
		catch (IOException | RuntimeException | StackOverflowError ex) {
			String why = (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
			why = (why.length() > 160) ? why.substring(0, 160) + "…" : why;
			return broken("không nạp được đúng chuẩn (" + why + ")", "it does not load cleanly (" + why + ")");
		}
	}

	/** The header at the start, the end-of-file marker at the end, nothing after it. */
	private static Refusal ends(ByteBuffer bytes) {
		if (indexOf(bytes, HEADER, 0, HEADER.length) != 0) {
			return new Refusal(Reason.POLYGLOT,
					"tệp PDF không bắt đầu bằng phần đầu %PDF-: có dữ liệu khác đặt trước nó",
					"the PDF does not start with its %PDF- header: other data comes before it");
		}
		int eof = lastIndexOf(bytes, EOF);
		if (eof < 0) {
			return new Refusal(Reason.TRUNCATED, "tệp PDF bị cắt cụt (không có dấu kết thúc tệp); hãy gửi tệp đầy đủ",
					"the PDF is truncated (no end-of-file marker); send the complete file");
		}
		int after = 0;
		for (int i = eof + EOF.length; i < bytes.limit(); i++) {
			if (!isWhitespace(bytes.get(i))) {
				after = bytes.limit() - i;
				break;
			}
		}
		if (after > 0) {
			return new Refusal(Reason.POLYGLOT,
					"tệp PDF có " + after + " byte dữ liệu khác sau dấu kết thúc tệp (tệp ghép, ví dụ PDF kèm tệp nén)",
					"the PDF has " + after + " bytes of other data after its end-of-file marker (a polyglot, for"
							+ " example a PDF with an archive appended)");
		}
		return null;
	}

	/**
	 * Cross-reference and object streams, which PDFBox inflates while it parses: found in
	 * the raw bytes and inflated here first, with a cap. Real writers compress them with
	 * Flate only; anything else is refused rather than handed to PDFBox uncapped.
	 */
	private Refusal parsedStreams(ByteBuffer bytes, InflationBudget budget) {
		int from = 0;
		int at;
		while ((at = indexOf(bytes, STREAM, from, bytes.limit())) >= 0) {
			from = at + STREAM.length;
			int data = dataStart(bytes, from);
			if (data < 0
					|| (at >= 3 && bytes.get(at - 1) == 'd' && bytes.get(at - 2) == 'n' && bytes.get(at - 3) == 'e')) {
				continue;
			}
			String dictionary = dictionaryBefore(bytes, at);
			if (dictionary == null || !(dictionary.contains("/XRef") || dictionary.contains("/ObjStm"))) {
				continue;
			}
			Matcher filter = FILTER.matcher(dictionary);
			if (!filter.find()) {
				continue;
			}
			List<String> filters = new ArrayList<>();
			Matcher name = NAME.matcher(filter.group(1));
			while (name.find()) {
				filters.add(name.group(1));
			}
			if (filters.isEmpty() || !FLATE.containsAll(filters)) {
				return broken("một luồng đối tượng nén bằng bộ lọc bất thường (" + filter.group(1) + ")",
						"an object stream is compressed with an unusual filter (" + filter.group(1) + ")");
			}
			ByteBuffer slice = bytes.duplicate().position(data);
			try {
				budget.inflate(new ByteBufferInput(slice), filters.size(), "@" + at);
			}
			catch (Exceeded ex) {
				return budget.refusal();
			}
		}
		return null;
	}

	/**
	 * Where a stream's data starts after its keyword (CRLF or LF), -1 when this is no
	 * keyword.
	 */
	private static int dataStart(ByteBuffer bytes, int after) {
		if (after < bytes.limit() && bytes.get(after) == '\n') {
			return after + 1;
		}
		if (after + 1 < bytes.limit() && bytes.get(after) == '\r' && bytes.get(after + 1) == '\n') {
			return after + 2;
		}
		return -1;
	}

	/** The text between the last {@code obj} keyword before a stream and the stream. */
	private static String dictionaryBefore(ByteBuffer bytes, int stream) {
		int start = Math.max(0, stream - 4096);
		byte[] window = new byte[stream - start];
		bytes.duplicate().position(start).get(window);
		String text = new String(window, StandardCharsets.ISO_8859_1);
		int obj = text.lastIndexOf("obj");
		return (obj >= 0) ? text.substring(obj) : null;
	}

	/** Every page reachable once; a loop or a tree too deep is broken. */
	private static Refusal pages(COSDocument cos) {
		COSDictionary trailer = cos.getTrailer();
		COSDictionary catalog = (trailer != null) ? trailer.getCOSDictionary(COSName.ROOT) : null;
		COSBase root = (catalog != null) ? catalog.getDictionaryObject(COSName.PAGES) : null;
		if (!(root instanceof COSDictionary tree)) {
			return broken("không có cây trang", "it has no page tree");
		}
		Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<COSDictionary> level = List.of(tree);
		long pages = 0;
		for (int depth = 0; !level.isEmpty(); depth++) {
			if (depth > MAX_PAGE_TREE_DEPTH) {
				return broken("cây trang sâu quá " + MAX_PAGE_TREE_DEPTH + " tầng",
						"its page tree is deeper than " + MAX_PAGE_TREE_DEPTH + " levels");
			}
			List<COSDictionary> next = new ArrayList<>();
			for (COSDictionary node : level) {
				if (!seen.add(node)) {
					return broken("cây trang lặp vòng (một nút xuất hiện hai lần)",
							"its page tree loops back on itself (a node appears twice)");
				}
				COSBase kids = node.getDictionaryObject(COSName.KIDS);
				if (kids instanceof COSArray array) {
					for (int i = 0; i < array.size(); i++) {
						if (array.getObject(i) instanceof COSDictionary kid) {
							next.add(kid);
						}
						else {
							return broken("cây trang có phần tử không phải trang", "its page tree holds a non-page");
						}
					}
				}
				else {
					pages++;
				}
			}
			level = next;
		}
		if (pages == 0) {
			return broken("không có trang nào", "it has no pages");
		}
		return null;
	}

	private static Refusal encrypted() {
		return new Refusal(Reason.ENCRYPTED, "tệp PDF bị mã hóa hoặc đặt mật khẩu; hãy gửi bản không khóa",
				"the PDF is encrypted or password-protected; send it without protection");
	}

	private static Refusal broken(String vietnamese, String english) {
		return new Refusal(Reason.BROKEN_STRUCTURE,
				"cấu trúc tệp PDF bị hỏng: " + vietnamese + "; hãy mở tệp, in lại thành PDF (Print to PDF) rồi gửi lại",
				"the PDF's structure is broken: " + english + "; open it, print it to a new PDF and send that");
	}

	private static Refusal active(String[] what) {
		return new Refusal(Reason.ACTIVE_CONTENT,
				"tệp PDF chứa " + what[0]
						+ "; không nhận PDF có nội dung chủ động, hãy in lại thành PDF thường rồi gửi",
				"the PDF carries " + what[1] + "; PDFs with active content are not accepted, print it to a plain PDF"
						+ " and send that");
	}

	private static boolean isWhitespace(byte b) {
		return b == 0 || b == '\t' || b == '\n' || b == '\f' || b == '\r' || b == ' ';
	}

	private static int indexOf(ByteBuffer bytes, byte[] pattern, int from, int to) {
		int end = Math.min(to, bytes.limit()) - pattern.length;
		outer: for (int i = from; i <= end; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (bytes.get(i + j) != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private static int lastIndexOf(ByteBuffer bytes, byte[] pattern) {
		outer: for (int i = bytes.limit() - pattern.length; i >= 0; i--) {
			for (int j = 0; j < pattern.length; j++) {
				if (bytes.get(i + j) != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/**
	 * Every object of the cross-reference table, the ones in object streams last (their
	 * object streams have been checked by then), each looked at without following its
	 * references (those are objects of their own in the table).
	 */
	private final class Walk {

		private final InflationBudget budget;

		Walk(InflationBudget budget) {
			this.budget = budget;
		}

		Refusal objects(COSDocument cos) throws IOException {
			List<Map.Entry<COSObjectKey, Long>> entries = new ArrayList<>(cos.getXrefTable().entrySet());
			entries.sort(Map.Entry.comparingByValue((a, b) -> Boolean.compare(a < 0, b < 0)));
			for (Map.Entry<COSObjectKey, Long> entry : entries) {
				if (entry.getValue() == 0) {
					continue;
				}
				COSObject object = cos.getObjectFromPool(entry.getKey());
				COSBase base = object.getObject();
				if (base == null) {
					return broken("đối tượng " + entry.getKey().getNumber() + " không đọc được",
							"object " + entry.getKey().getNumber() + " does not parse");
				}
				Refusal refusal = visit(base, entry.getKey().getNumber(), 0);
				if (refusal != null) {
					return refusal;
				}
			}
			return null;
		}

		private Refusal visit(COSBase base, long number, int depth) throws IOException {
			if (depth > MAX_NESTING) {
				return broken("đối tượng " + number + " lồng nhau quá sâu", "object " + number + " is nested too deep");
			}
			if (base instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					Refusal refusal = visit(array.get(i), number, depth + 1);
					if (refusal != null) {
						return refusal;
					}
				}
			}
			else if (base instanceof COSDictionary dictionary) {
				Refusal refusal = activeContent(dictionary);
				if (refusal != null) {
					return refusal;
				}
				for (Map.Entry<COSName, COSBase> entry : dictionary.entrySet()) {
					refusal = visit(entry.getValue(), number, depth + 1);
					if (refusal != null) {
						return refusal;
					}
				}
				if (dictionary instanceof COSStream stream) {
					return stream(stream, number);
				}
			}
			return null;
		}

		private Refusal activeContent(COSDictionary dictionary) {
			if (dictionary.containsKey(COSName.JS) || dictionary.containsKey(COSName.JAVA_SCRIPT)) {
				return active(ACTIVE_ACTIONS.get("JavaScript"));
			}
			COSName action = dictionary.getCOSName(COSName.S);
			if (action != null && ACTIVE_ACTIONS.containsKey(action.getName())) {
				return active(ACTIVE_ACTIONS.get(action.getName()));
			}
			COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
			if (subtype != null && ACTIVE_SUBTYPES.containsKey(subtype.getName())) {
				return active(ACTIVE_SUBTYPES.get(subtype.getName()));
			}
			if (dictionary.containsKey(COSName.EF) || dictionary.containsKey(COSName.EMBEDDED_FILES)
					|| COSName.getPDFName("EmbeddedFile").equals(dictionary.getCOSName(COSName.TYPE))
					|| dictionary.containsKey(COSName.getPDFName("Collection"))) {
				return active(new String[] { "tệp nhúng hoặc đính kèm", "embedded or attached files" });
			}
			if (dictionary.containsKey(COSName.XFA)) {
				return active(new String[] { "biểu mẫu XFA", "an XFA form" });
			}
			if (dictionary.containsKey(COSName.getPDFName("RichMediaContent"))) {
				return active(ACTIVE_SUBTYPES.get("RichMedia"));
			}
			if (dictionary.containsKey(COSName.AA)) {
				return active(new String[] { "lệnh tự chạy (/AA)", "actions that run by themselves (/AA)" });
			}
			if (dictionary.getDictionaryObject(COSName.OPEN_ACTION) instanceof COSDictionary open) {
				COSName type = open.getCOSName(COSName.S);
				if (type != null && ACTIVE_ACTIONS.containsKey(type.getName())) {
					return active(ACTIVE_ACTIONS.get(type.getName()));
				}
				if (type != null && !"GoTo".equals(type.getName())) {
					return active(new String[] { "lệnh chạy khi mở tệp (/OpenAction /" + type.getName() + ")",
							"an action run when the file is opened (/OpenAction /" + type.getName() + ")" });
				}
			}
			return null;
		}

		/**
		 * Decodes a stream's unpacking filters into a count, stopping at the limit; an
		 * image may inflate to what its dimensions need, once they are within the budget.
		 */
		private Refusal stream(COSStream stream, long number) throws IOException {
			long limit = this.budget.partLimit();
			if (COSName.IMAGE.equals(stream.getCOSName(COSName.SUBTYPE))) {
				long width = stream.getInt(COSName.WIDTH, 0);
				long height = stream.getInt(COSName.HEIGHT, 0);
				if (width > 0 && height > 0) {
					Refusal refusal = ImageInspection.pixels(width, height, PdfInspection.this.limits,
							"ảnh trong tệp PDF", "an image in the PDF");
					if (refusal != null) {
						return refusal;
					}
					long bits = Math.max(1, Math.min(16, stream.getInt(COSName.BITS_PER_COMPONENT, 8)));
					limit = Math.max(limit, width * height * 4 * bits / 8 + height);
				}
			}
			List<String> filters = filters(stream);
			int generic = 0;
			while (generic < filters.size() && GENERIC_FILTERS.contains(filters.get(generic))) {
				generic++;
			}
			if (generic == 0) {
				return null;
			}
			InputStream in = stream.createRawInputStream();
			try {
				for (int i = 0; i < generic; i++) {
					Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
					boolean last = i == generic - 1;
					ByteArrayOutputStream between = last ? null : new CappedBuffer(limit);
					String what = "obj " + number;
					OutputStream out = last ? this.budget.part(what, limit) : between;
					try {
						filter.decode(in, out, stream, i);
					}
					catch (IOException | RuntimeException ex) {
						if (ex instanceof CappedBuffer.Full) {
							this.budget.partOver(what, limit);
						}
						if (this.budget.refusal() != null) {
							return this.budget.refusal();
						}
						// Damaged data: a reader stops there too.
						return null;
					}
					if (!last) {
						in.close();
						in = new ByteArrayInputStream(between.toByteArray());
					}
				}
			}
			finally {
				in.close();
			}
			return this.budget.refusal();
		}

		private static List<String> filters(COSStream stream) {
			COSBase filters = stream.getFilters();
			List<String> names = new ArrayList<>();
			if (filters instanceof COSName name) {
				names.add(name.getName());
			}
			else if (filters instanceof COSArray array) {
				for (int i = 0; i < array.size(); i++) {
					if (array.getObject(i) instanceof COSName name) {
						names.add(name.getName());
					}
				}
			}
			return names;
		}

	}

	/** Holds what one filter of a chain unpacked for the next, up to a limit. */
	private static final class CappedBuffer extends ByteArrayOutputStream {

		private final long limit;

		CappedBuffer(long limit) {
			this.limit = limit;
		}

		@Override
		public void write(int b) {
			write(new byte[] { (byte) b }, 0, 1);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) {
			if (size() + (long) length > this.limit) {
				throw new Full();
			}
			super.write(bytes, offset, length);
		}

		/** The chain unpacks beyond the limit before its last filter. */
		static final class Full extends RuntimeException {

			Full() {
				super("filter chain over the limit");
			}

		}

	}

	/** Reads a byte buffer from its position. */
	static final class ByteBufferInput extends InputStream {

		private final ByteBuffer buffer;

		ByteBufferInput(ByteBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public int read() {
			return this.buffer.hasRemaining() ? (this.buffer.get() & 0xff) : -1;
		}

		@Override
		public int read(byte[] bytes, int offset, int length) {
			if (!this.buffer.hasRemaining()) {
				return -1;
			}
			int n = Math.min(length, this.buffer.remaining());
			this.buffer.get(bytes, offset, n);
			return n;
		}

	}

}
