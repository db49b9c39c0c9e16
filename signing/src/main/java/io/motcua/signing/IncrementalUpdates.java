package io.motcua.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;

/**
 * Reads what follows the last signed revision of a PDF: incremental updates whose
 * cross-reference sections the file's trailer chain reaches, whitespace, and bytes that
 * no cross-reference section reaches.
 * <p>
 * Strict on purpose, with its own small parser rather than PDFBox's, which repairs broken
 * files: readers repair in different ways, so bytes that one ignores another may show.
 * Whatever cannot be read as part of a well-formed revision is reported, never skipped.
 * The one tolerance: an earlier copy of an object, byte for byte equal to the copy its
 * cross-reference section lists (PDFBox's incremental saves write some objects twice).
 */
final class IncrementalUpdates {

	private static final Pattern TRAILER_END = Pattern.compile("startxref\\s+(\\d{1,10})\\s*%%EOF");

	private static final Pattern OBJECT_HEADER = Pattern.compile("(\\d{1,10})\\s+(\\d{1,5})\\s+obj\\b");

	private static final COSName XREF_STREAM = COSName.getPDFName("XRefStm");

	private static final Pattern REFERENCE = Pattern.compile("\\s+(\\d{1,5})\\s+R(?![^\\s()<>\\[\\]{}/%])");

	private static final int MAX_DEPTH = 64;

	private static final int MAX_SECTIONS = 10_000;

	private static final int LISTED_OBJECTS = 8;

	private final byte[] pdf;

	private final int start;

	/** The PDF as ISO-8859-1 text, so that byte offsets are character offsets. */
	private final String text;

	private IncrementalUpdates(byte[] pdf, int start) {
		this.pdf = pdf;
		this.start = start;
		this.text = new String(pdf, StandardCharsets.ISO_8859_1);
	}

	/**
	 * Describes the bytes from {@code start} to the end of the file.
	 * @param pdf the whole file
	 * @param start the end of the last signed revision
	 * @return the findings in file order; empty when {@code start} is the end of the file
	 */
	static List<UncoveredBytes> after(byte[] pdf, int start) {
		if (start >= pdf.length) {
			return List.of();
		}
		return new IncrementalUpdates(pdf, start).examine();
	}

	private List<UncoveredBytes> examine() {
		List<Section> chain;
		try {
			chain = chain();
		}
		catch (Unreadable ex) {
			return List.of(unreferencedTail("the cross-reference chain from the end of the file does not lead back to"
					+ " the signed revision: " + ex.getMessage()));
		}
		List<Span> referenced = new ArrayList<>();
		Map<Key, List<Span>> objects = new HashMap<>();
		try {
			for (Section section : chain) {
				referenced.add(new Span(section.offset(), section.end()));
				for (Entry entry : section.entries()) {
					if (entry.offset() >= this.start && entry.offset() < this.pdf.length) {
						Span span = new Span((int) entry.offset(), object((int) entry.offset(), entry.key()));
						referenced.add(span);
						objects.computeIfAbsent(entry.key(), (key) -> new ArrayList<>()).add(span);
					}
				}
			}
		}
		catch (Unreadable ex) {
			return List.of(unreferencedTail("a later revision is malformed: " + ex.getMessage()));
		}
		Set<Long> sectionOffsets = new HashSet<>();
		chain.forEach((section) -> sectionOffsets.add((long) section.offset()));
		Matcher trailerEnd = TRAILER_END.matcher(this.text).region(this.start, this.pdf.length);
		List<Span> revisionEnds = new ArrayList<>();
		while (trailerEnd.find()) {
			if (sectionOffsets.contains(Long.parseLong(trailerEnd.group(1)))) {
				Span end = new Span(trailerEnd.start(), endOfLine(trailerEnd.end()));
				referenced.add(end);
				revisionEnds.add(end);
			}
		}
		referenced.addAll(sameCopies(gaps(referenced), objects));

		List<UncoveredBytes> found = new ArrayList<>();
		found.addAll(revisions(chain, revisionEnds));
		List<Span> gaps = gaps(referenced);
		int lastReferenced = referenced.stream().mapToInt(Span::end).max().orElse(this.start);
		for (Span gap : gaps) {
			Span content = trim(gap);
			if (content == null) {
				if (gap.end() == this.pdf.length && gap.start() >= lastReferenced) {
					found.add(new UncoveredBytes(gap.start(), gap.end(), UncoveredBytes.Kind.WHITESPACE,
							"whitespace after the last end-of-file marker"));
				}
				continue;
			}
			found.add(new UncoveredBytes(content.start(), content.end(), UncoveredBytes.Kind.UNREFERENCED,
					describe(content)));
		}
		found.sort(Comparator.comparingLong(UncoveredBytes::start));
		return found;
	}

	/**
	 * The cross-reference sections of the appended revisions, from the file's last
	 * startxref back to the signed revision's.
	 */
	private List<Section> chain() throws Unreadable {
		long signedXref = lastStartxref(0, this.start);
		long next = lastStartxref(this.start, this.pdf.length);
		List<Section> chain = new ArrayList<>();
		if (next < 0) {
			// no trailer of its own: readers keep the signed revision's
			return chain;
		}
		Set<Long> visited = new HashSet<>();
		while (next >= this.start) {
			if (!visited.add(next) || chain.size() > MAX_SECTIONS) {
				throw new Unreadable("the cross-reference sections form a loop at byte " + next);
			}
			Section section = section(next, "the trailer");
			chain.add(section);
			if (section.hybridStream() >= 0) {
				chain.add(section(section.hybridStream(), "/XRefStm"));
			}
			next = section.previous();
		}
		if (next < 0) {
			throw new Unreadable("the earliest appended cross-reference section has no /Prev");
		}
		if (next != signedXref) {
			throw new Unreadable("it continues at byte " + next
					+ " instead of the signed revision's cross-reference section at byte " + signedXref);
		}
		return chain;
	}

	/**
	 * The offset named by the last {@code startxref ... %%EOF} in the given range, or -1.
	 */
	private long lastStartxref(int from, int to) {
		Matcher matcher = TRAILER_END.matcher(this.text).region(from, to);
		long found = -1;
		while (matcher.find()) {
			found = Long.parseLong(matcher.group(1));
		}
		return found;
	}

	private Section section(long at, String pointer) throws Unreadable {
		if (at >= this.pdf.length) {
			throw new Unreadable(pointer + " points to byte " + at + ", beyond the end of the file");
		}
		int position = (int) at;
		if (this.text.startsWith("xref", position)) {
			return table(position);
		}
		Matcher header = OBJECT_HEADER.matcher(this.text).region(position, this.pdf.length);
		if (header.lookingAt()) {
			return stream(position, header);
		}
		throw new Unreadable(pointer + " points to byte " + at + ", where no cross-reference section starts");
	}

	/** A cross-reference table and its trailer (ISO 32000-1, 7.5.4 and 7.5.5). */
	private Section table(int offset) throws Unreadable {
		Cursor cursor = new Cursor(offset + 4);
		List<Entry> entries = new ArrayList<>();
		cursor.skipWhitespace();
		while (!this.text.startsWith("trailer", cursor.position)) {
			long first = cursor.unsigned();
			cursor.skipWhitespace();
			long count = cursor.unsigned();
			cursor.skipWhitespace();
			if (count > (this.pdf.length - cursor.position) / 18) {
				throw new Unreadable("the cross-reference table at byte " + offset + " is cut short");
			}
			for (long i = 0; i < count; i++) {
				long entryOffset = cursor.digits(10);
				cursor.expect(" ");
				int generation = (int) cursor.digits(5);
				cursor.expect(" ");
				int type = cursor.next();
				if (type != 'n' && type != 'f') {
					throw new Unreadable("the cross-reference table at byte " + offset + " has an entry that is "
							+ "neither in use nor free at byte " + (cursor.position - 1));
				}
				cursor.skipWhitespace();
				if (type == 'n') {
					entries.add(new Entry(new Key(first + i, generation), entryOffset));
				}
			}
		}
		cursor.position += "trailer".length();
		if (!(value(cursor, 0) instanceof COSDictionary trailer)) {
			throw new Unreadable("the trailer at byte " + offset + " is not a dictionary");
		}
		return new Section(offset, cursor.position, entries, directNumber(trailer, COSName.PREV),
				directNumber(trailer, XREF_STREAM));
	}

	/** A cross-reference stream (ISO 32000-1, 7.5.8). */
	private Section stream(int offset, Matcher header) throws Unreadable {
		Cursor cursor = new Cursor(header.end());
		if (!(value(cursor, 0) instanceof COSDictionary dictionary)
				|| !COSName.XREF.equals(dictionary.getCOSName(COSName.TYPE))) {
			throw new Unreadable("the object at byte " + offset + " is not a cross-reference stream");
		}
		byte[] data = decode(dictionary, streamData(cursor, dictionary, offset), offset);
		int[] widths = new int[3];
		COSArray w = dictionary.getCOSArray(COSName.W);
		if (w == null || w.size() != 3) {
			throw new Unreadable("the cross-reference stream at byte " + offset + " has no /W");
		}
		for (int i = 0; i < 3; i++) {
			widths[i] = (w.get(i) instanceof COSInteger width) ? width.intValue() : -1;
			if (widths[i] < 0 || widths[i] > 8) {
				throw new Unreadable("the cross-reference stream at byte " + offset + " has an unreadable /W");
			}
		}
		long size = directNumber(dictionary, COSName.SIZE);
		COSArray index = dictionary.getCOSArray(COSName.INDEX);
		List<long[]> subsections = new ArrayList<>();
		if (index == null) {
			subsections.add(new long[] { 0, Math.max(size, 0) });
		}
		else {
			for (int i = 0; i + 1 < index.size(); i += 2) {
				if (!(index.get(i) instanceof COSInteger first) || !(index.get(i + 1) instanceof COSInteger count)) {
					throw new Unreadable("the cross-reference stream at byte " + offset + " has an unreadable /Index");
				}
				subsections.add(new long[] { first.longValue(), count.longValue() });
			}
		}
		int row = widths[0] + widths[1] + widths[2];
		int position = 0;
		List<Entry> entries = new ArrayList<>();
		for (long[] subsection : subsections) {
			for (long i = 0; i < subsection[1]; i++) {
				if (row == 0 || position + row > data.length) {
					throw new Unreadable("the cross-reference stream at byte " + offset + " is cut short");
				}
				long type = (widths[0] == 0) ? 1 : field(data, position, widths[0]);
				long second = field(data, position + widths[0], widths[1]);
				long third = field(data, position + widths[0] + widths[1], widths[2]);
				position += row;
				// type 2 objects live inside an object stream, itself a type 1 entry
				if (type == 1) {
					entries.add(new Entry(new Key(subsection[0] + i, (int) third), second));
				}
			}
		}
		return new Section(offset, cursor.position, entries, directNumber(dictionary, COSName.PREV), -1);
	}

	private static long field(byte[] data, int position, int width) {
		long value = 0;
		for (int i = 0; i < width; i++) {
			value = (value << 8) | (data[position + i] & 0xff);
		}
		return value;
	}

	/**
	 * The raw data of the stream whose dictionary the cursor just read; leaves the cursor
	 * after {@code endobj}.
	 */
	private byte[] streamData(Cursor cursor, COSDictionary dictionary, int offset) throws Unreadable {
		cursor.skipWhitespace();
		cursor.expect("stream");
		cursor.skipEndOfLine();
		int dataStart = cursor.position;
		if (!(dictionary.getDictionaryObject(COSName.LENGTH) instanceof COSInteger length) || length.longValue() < 0
				|| dataStart + length.longValue() > this.pdf.length) {
			throw new Unreadable("the stream at byte " + offset + " has no direct, fitting /Length");
		}
		cursor.position = dataStart + length.intValue();
		cursor.skipWhitespace();
		cursor.expect("endstream");
		cursor.skipWhitespace();
		cursor.expect("endobj");
		return Arrays.copyOfRange(this.pdf, dataStart, dataStart + length.intValue());
	}

	private static byte[] decode(COSDictionary dictionary, byte[] raw, int offset) throws Unreadable {
		try (COSStream stream = new COSStream()) {
			for (Map.Entry<COSName, COSBase> item : dictionary.entrySet()) {
				if (!COSName.LENGTH.equals(item.getKey())) {
					stream.setItem(item.getKey(), item.getValue());
				}
			}
			try (OutputStream out = stream.createRawOutputStream()) {
				out.write(raw);
			}
			try (InputStream in = stream.createInputStream()) {
				return in.readAllBytes();
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new Unreadable("the cross-reference stream at byte " + offset + " cannot be decoded");
		}
	}

	/**
	 * Where the object the cross-reference lists at {@code offset} ends (after
	 * {@code endobj}).
	 */
	private int object(int offset, Key key) throws Unreadable {
		Matcher header = OBJECT_HEADER.matcher(this.text).region(offset, this.pdf.length);
		if (!header.lookingAt() || Long.parseLong(header.group(1)) != key.number()
				|| Integer.parseInt(header.group(2)) != key.generation()) {
			throw new Unreadable("the cross-reference lists object " + key + " at byte " + offset
					+ ", where that object does not start");
		}
		return objectEnd(header);
	}

	private int objectEnd(Matcher header) throws Unreadable {
		int offset = header.start();
		Cursor cursor = new Cursor(header.end());
		COSBase value = value(cursor, 0);
		cursor.skipWhitespaceAndComments();
		if (this.text.startsWith("stream", cursor.position)) {
			if (!(value instanceof COSDictionary dictionary)) {
				throw new Unreadable("the object at byte " + offset + " has a stream without a dictionary");
			}
			int afterDictionary = cursor.position;
			try {
				streamData(cursor, dictionary, offset);
			}
			catch (Unreadable ex) {
				// an indirect /Length: the data ends at the first endstream ... endobj
				cursor.position = afterDictionary;
				streamEndByKeywords(cursor, offset);
			}
			return cursor.position;
		}
		cursor.expect("endobj");
		return cursor.position;
	}

	private void streamEndByKeywords(Cursor cursor, int offset) throws Unreadable {
		int from = cursor.position + "stream".length();
		while (true) {
			int end = this.text.indexOf("endstream", from);
			if (end < 0) {
				throw new Unreadable("the stream at byte " + offset + " has no end");
			}
			cursor.position = end + "endstream".length();
			cursor.skipWhitespace();
			if (this.text.startsWith("endobj", cursor.position)) {
				cursor.position += "endobj".length();
				return;
			}
			from = end + 1;
		}
	}

	/**
	 * Objects in unreferenced bytes that are byte-for-byte copies of an object a
	 * cross-reference section lists: they add nothing.
	 */
	private List<Span> sameCopies(List<Span> gaps, Map<Key, List<Span>> objects) {
		List<Span> copies = new ArrayList<>();
		for (Span gap : gaps) {
			int from = gap.start();
			while (from < gap.end()) {
				Matcher header = OBJECT_HEADER.matcher(this.text).region(from, gap.end());
				if (!header.find()) {
					break;
				}
				from = header.start() + 1;
				List<Span> listed = objects
					.get(new Key(Long.parseLong(header.group(1)), Integer.parseInt(header.group(2))));
				if (listed == null || (header.start() > 0 && !isWhitespace(this.pdf[header.start() - 1]))) {
					continue;
				}
				try {
					int end = objectEnd(header);
					for (Span copy : listed) {
						if (end <= gap.end()
								&& Arrays.equals(this.pdf, header.start(), end, this.pdf, copy.start(), copy.end())) {
							copies.add(new Span(header.start(), end));
							from = end;
							break;
						}
					}
				}
				catch (Unreadable ex) {
					// not a copy: stays unreferenced
				}
			}
		}
		return copies;
	}

	/** The incremental updates of the chain, in file order. */
	private List<UncoveredBytes> revisions(List<Section> chain, List<Span> revisionEnds) {
		List<Section> sections = new ArrayList<>(chain);
		sections.sort(Comparator.comparingInt(Section::offset));
		List<UncoveredBytes> revisions = new ArrayList<>();
		int from = this.start;
		for (Section section : sections) {
			int end = section.end();
			for (Span revisionEnd : revisionEnds) {
				if (revisionEnd.start() >= section.end()) {
					end = revisionEnd.end();
					break;
				}
			}
			if (end <= from) {
				// a second section of one revision (/XRefStm)
				continue;
			}
			List<String> numbers = new ArrayList<>();
			for (Section listed : sections) {
				if (listed.offset() >= from && listed.offset() < end) {
					listed.entries()
						.stream()
						.filter((entry) -> entry.offset() >= this.start)
						.forEach((entry) -> numbers.add(entry.key().toString()));
				}
			}
			String objects = (numbers.size() <= LISTED_OBJECTS) ? String.join(", ", numbers)
					: String.join(", ", numbers.subList(0, LISTED_OBJECTS)) + " and "
							+ (numbers.size() - LISTED_OBJECTS) + " more";
			revisions.add(new UncoveredBytes(from, end, UncoveredBytes.Kind.INCREMENTAL_UPDATE,
					"an incremental update with its cross-reference section at byte " + section.offset()
							+ (numbers.isEmpty() ? ", writing no object" : ", writing object(s) " + objects)));
			from = end;
		}
		return revisions;
	}

	private UncoveredBytes unreferencedTail(String why) {
		Span content = trim(new Span(this.start, this.pdf.length));
		Span span = (content != null) ? content : new Span(this.start, this.pdf.length);
		return new UncoveredBytes(span.start(), span.end(), UncoveredBytes.Kind.UNREFERENCED, why);
	}

	/** What unreferenced bytes hold, in the words of the attack report. */
	private String describe(Span span) {
		List<String> found = new ArrayList<>();
		Matcher header = OBJECT_HEADER.matcher(this.text).region(span.start(), span.end());
		List<String> objects = new ArrayList<>();
		while (header.find()) {
			objects.add("object " + header.group(1) + " " + header.group(2) + " at byte " + header.start());
		}
		if (!objects.isEmpty()) {
			found.add(((objects.size() == 1) ? "an object" : objects.size() + " objects")
					+ " without a cross-reference entry ("
					+ String.join(", ", objects.subList(0, Math.min(objects.size(), LISTED_OBJECTS)))
					+ ((objects.size() > LISTED_OBJECTS) ? ", ..." : "") + ")");
		}
		int xref = indexOfKeyword("xref", span);
		if (xref >= 0) {
			found.add("a cross-reference section at byte " + xref + " that the file never points to");
		}
		else if (this.text.substring(span.start(), span.end()).contains("/XRef")) {
			found.add("a cross-reference stream that the file never points to");
		}
		if (found.isEmpty()) {
			found.add((indexOfKeyword("startxref", span) >= 0 || indexOfKeyword("trailer", span) >= 0)
					? "a trailer that points to no appended cross-reference section"
					: "data that is not part of any revision");
		}
		return String.join("; ", found);
	}

	/** The first "xref" (not "startxref") keyword in the span, or -1. */
	private int indexOfKeyword(String keyword, Span span) {
		int from = span.start();
		while (true) {
			int at = this.text.indexOf(keyword, from);
			if (at < 0 || at >= span.end()) {
				return -1;
			}
			if (at == 0 || !Character.isLetter(this.text.charAt(at - 1))) {
				return at;
			}
			from = at + 1;
		}
	}

	/** The parts of the appended bytes outside every span. */
	private List<Span> gaps(List<Span> spans) {
		List<Span> sorted = new ArrayList<>(spans);
		sorted.sort(Comparator.comparingInt(Span::start));
		List<Span> gaps = new ArrayList<>();
		int position = this.start;
		for (Span span : sorted) {
			if (span.start() > position) {
				gaps.add(new Span(position, span.start()));
			}
			position = Math.max(position, span.end());
		}
		if (position < this.pdf.length) {
			gaps.add(new Span(position, this.pdf.length));
		}
		return gaps;
	}

	/**
	 * The span without leading and trailing whitespace; null when it is all whitespace.
	 */
	private Span trim(Span span) {
		int from = span.start();
		int to = span.end();
		while (from < to && isWhitespace(this.pdf[from])) {
			from++;
		}
		while (to > from && isWhitespace(this.pdf[to - 1])) {
			to--;
		}
		return (from < to) ? new Span(from, to) : null;
	}

	private int endOfLine(int position) {
		if (position < this.pdf.length && this.pdf[position] == '\r') {
			position++;
		}
		if (position < this.pdf.length && this.pdf[position] == '\n') {
			position++;
		}
		return position;
	}

	private static long directNumber(COSDictionary dictionary, COSName key) {
		return (dictionary.getItem(key) instanceof COSInteger number) ? number.longValue() : -1;
	}

	static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
	}

	private static boolean isDelimiter(int b) {
		return b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']' || b == '{' || b == '}' || b == '/'
				|| b == '%';
	}

	/**
	 * One PDF value (ISO 32000-1, 7.3): enough of the syntax to read dictionaries and
	 * find where objects end; references are kept as keys, never followed.
	 */
	private COSBase value(Cursor cursor, int depth) throws Unreadable {
		if (depth > MAX_DEPTH) {
			throw new Unreadable("objects nested too deep at byte " + cursor.position);
		}
		cursor.skipWhitespaceAndComments();
		int b = cursor.peek();
		if (b == '<' && cursor.peek(1) == '<') {
			cursor.position += 2;
			COSDictionary dictionary = new COSDictionary();
			while (true) {
				cursor.skipWhitespaceAndComments();
				if (cursor.peek() == '>' && cursor.peek(1) == '>') {
					cursor.position += 2;
					return dictionary;
				}
				if (cursor.peek() != '/') {
					throw new Unreadable("a dictionary key is not a name at byte " + cursor.position);
				}
				COSName key = (COSName) value(cursor, depth + 1);
				dictionary.setItem(key, value(cursor, depth + 1));
			}
		}
		if (b == '<') {
			int end = this.text.indexOf('>', cursor.position);
			if (end < 0) {
				throw new Unreadable("a hex string never ends at byte " + cursor.position);
			}
			cursor.position = end + 1;
			return new COSString(new byte[0]);
		}
		if (b == '[') {
			cursor.position++;
			COSArray array = new COSArray();
			while (true) {
				cursor.skipWhitespaceAndComments();
				if (cursor.peek() == ']') {
					cursor.position++;
					return array;
				}
				array.add(value(cursor, depth + 1));
			}
		}
		if (b == '(') {
			literalString(cursor);
			return new COSString(new byte[0]);
		}
		if (b == '/') {
			return name(cursor);
		}
		if (b == 't' || b == 'f' || b == 'n') {
			for (String keyword : new String[] { "true", "false", "null" }) {
				if (this.text.startsWith(keyword, cursor.position) && !isRegular(cursor.peek(keyword.length()))) {
					cursor.position += keyword.length();
					return switch (keyword) {
						case "true" -> COSBoolean.TRUE;
						case "false" -> COSBoolean.FALSE;
						default -> COSNull.NULL;
					};
				}
			}
		}
		if (b == '+' || b == '-' || b == '.' || (b >= '0' && b <= '9')) {
			return numberOrReference(cursor);
		}
		throw new Unreadable("unexpected byte at " + cursor.position);
	}

	private static boolean isRegular(int b) {
		return b >= 0 && !isWhitespace((byte) b) && !isDelimiter(b);
	}

	private void literalString(Cursor cursor) throws Unreadable {
		int nesting = 0;
		while (cursor.position < this.pdf.length) {
			int b = this.pdf[cursor.position++];
			if (b == '\\') {
				cursor.position++;
			}
			else if (b == '(') {
				nesting++;
			}
			else if (b == ')' && --nesting == 0) {
				return;
			}
		}
		throw new Unreadable("a string never ends");
	}

	private COSName name(Cursor cursor) {
		cursor.position++;
		StringBuilder name = new StringBuilder();
		while (cursor.position < this.pdf.length && isRegular(this.pdf[cursor.position] & 0xff)) {
			int b = this.pdf[cursor.position++] & 0xff;
			if (b == '#' && cursor.position + 1 < this.pdf.length) {
				int high = Character.digit(this.pdf[cursor.position], 16);
				int low = Character.digit(this.pdf[cursor.position + 1], 16);
				if (high >= 0 && low >= 0) {
					b = (high << 4) | low;
					cursor.position += 2;
				}
			}
			name.append((char) b);
		}
		return COSName.getPDFName(name.toString());
	}

	private COSBase numberOrReference(Cursor cursor) throws Unreadable {
		int from = cursor.position;
		while (cursor.position < this.pdf.length && isRegular(this.pdf[cursor.position] & 0xff)) {
			cursor.position++;
		}
		String token = this.text.substring(from, cursor.position);
		if (token.matches("\\d{1,10}")) {
			Matcher reference = REFERENCE.matcher(this.text)
				.region(cursor.position, Math.min(this.pdf.length, cursor.position + 32));
			if (reference.lookingAt()) {
				cursor.position = reference.end();
				return new COSObject(null,
						new COSObjectKey(Long.parseLong(token), Integer.parseInt(reference.group(1))));
			}
			return COSInteger.get(Long.parseLong(token));
		}
		if (token.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)")) {
			return token.contains(".") ? new COSFloat(Float.parseFloat(token)) : COSInteger.get(Long.parseLong(token));
		}
		throw new Unreadable("an unreadable number at byte " + from);
	}

	/** A reading position in the file. */
	private final class Cursor {

		private int position;

		Cursor(int position) {
			this.position = position;
		}

		int peek() {
			return peek(0);
		}

		int peek(int ahead) {
			int at = this.position + ahead;
			return (at < IncrementalUpdates.this.pdf.length) ? IncrementalUpdates.this.pdf[at] & 0xff : -1;
		}

		int next() throws Unreadable {
			int b = peek();
			if (b < 0) {
				throw new Unreadable("the file ends early");
			}
			this.position++;
			return b;
		}

		void skipWhitespace() {
			while (this.position < IncrementalUpdates.this.pdf.length
					&& isWhitespace(IncrementalUpdates.this.pdf[this.position])) {
				this.position++;
			}
		}

		void skipWhitespaceAndComments() {
			skipWhitespace();
			while (peek() == '%') {
				while (peek() >= 0 && peek() != '\r' && peek() != '\n') {
					this.position++;
				}
				skipWhitespace();
			}
		}

		/**
		 * Skips the end of line after {@code stream}: CR LF or LF (CR alone tolerated).
		 */
		void skipEndOfLine() {
			if (peek() == '\r') {
				this.position++;
			}
			if (peek() == '\n') {
				this.position++;
			}
		}

		void expect(String keyword) throws Unreadable {
			if (!IncrementalUpdates.this.text.startsWith(keyword, this.position)) {
				throw new Unreadable("'" + keyword.strip() + "' expected at byte " + this.position);
			}
			this.position += keyword.length();
		}

		long unsigned() throws Unreadable {
			int from = this.position;
			while (peek() >= '0' && peek() <= '9' && this.position - from < 18) {
				this.position++;
			}
			if (from == this.position) {
				throw new Unreadable("a number expected at byte " + from);
			}
			return Long.parseLong(IncrementalUpdates.this.text.substring(from, this.position));
		}

		long digits(int count) throws Unreadable {
			int from = this.position;
			for (int i = 0; i < count; i++) {
				int b = next();
				if (b < '0' || b > '9') {
					throw new Unreadable("a cross-reference entry is malformed at byte " + from);
				}
			}
			return Long.parseLong(IncrementalUpdates.this.text.substring(from, this.position));
		}

	}

	/** Object number and generation. */
	private record Key(long number, int generation) {

		@Override
		public String toString() {
			return this.number + " " + this.generation;
		}

	}

	/** An object in use, listed by a cross-reference section. */
	private record Entry(Key key, long offset) {
	}

	/**
	 * A cross-reference section: where it starts and ends, its objects in use, the
	 * previous section ({@code /Prev}) and the stream of a hybrid file
	 * ({@code /XRefStm}); -1 when absent.
	 */
	private record Section(int offset, int end, List<Entry> entries, long previous, long hybridStream) {
	}

	private record Span(int start, int end) {
	}

	/** Why the appended bytes are not a well-formed revision. */
	private static final class Unreadable extends Exception {

		Unreadable(String message) {
			super(message, null, false, false);
		}

	}

}
