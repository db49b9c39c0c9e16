package io.motcua.signing;

/**
 * Bytes of a PDF after the end of its last signed revision, which no signature covers.
 * <p>
 * Offsets follow the byte range convention (and poppler's {@code pdfsig}): {@code start}
 * is the first byte, {@code end} the byte after the last.
 *
 * @param start offset of the first uncovered byte
 * @param end offset after the last uncovered byte
 * @param kind what the bytes are, never {@code null}
 * @param description what was found there, for the report; never {@code null}
 */
public record UncoveredBytes(long start, long end, Kind kind, String description) {

	/**
	 * What bytes after the last signed revision are.
	 */
	public enum Kind {

		/**
		 * A well-formed incremental update: its cross-reference section is reached from
		 * the file's trailer and lists every object written in it. Its changes are judged
		 * against every signature (validation data and further signatures are allowed;
		 * anything else makes the signatures INVALID). Leaves the document VALID.
		 */
		INCREMENTAL_UPDATE,

		/**
		 * Whitespace after the last end-of-file marker: hides nothing, but the file is
		 * not exactly what was signed. The document is at best INDETERMINATE.
		 */
		WHITESPACE,

		/**
		 * Bytes that no cross-reference section of the file reaches: garbage, objects
		 * without a cross-reference entry, a cross-reference section the file never
		 * points to. Readers that repair files may show them; the document is INVALID.
		 */
		UNREFERENCED

	}

	/**
	 * The number of uncovered bytes.
	 * @return {@code end - start}
	 */
	public long length() {
		return this.end - this.start;
	}

}
