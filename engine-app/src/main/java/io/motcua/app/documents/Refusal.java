package io.motcua.app.documents;

import java.util.Locale;

/**
 * Why a file is refused: a stable reason code for clients to switch on, and the same
 * sentence in Vietnamese (the default) and English.
 *
 * @param reason the rule the file breaks
 * @param vietnamese what is wrong, in Vietnamese
 * @param english what is wrong, in English
 */
record Refusal(Reason reason, String vietnamese, String english) {

	/** The sentence in the caller's language: English when asked for, else Vietnamese. */
	String in(Locale locale) {
		return "en".equals(locale.getLanguage()) ? this.english : this.vietnamese;
	}

	/**
	 * The rules a file may break. The codes are part of the API ({@code errors[].reason}
	 * of a 422 problem): never rename one.
	 */
	enum Reason {

		/** Nothing in the file. */
		EMPTY_FILE("empty-file"),

		/** Larger than {@code motcua.documents.max-file-size}. */
		FILE_TOO_LARGE("file-too-large"),

		/** The dossier's files together over {@code max-dossier-size}. */
		DOSSIER_TOO_LARGE("dossier-too-large"),

		/** More files in one request than {@code max-files-per-request}. */
		TOO_MANY_FILES("too-many-files"),

		/** The part's name is no document type of the procedure. */
		UNKNOWN_DOCUMENT_TYPE("unknown-document-type"),

		/** A required document type is not among the files. */
		MISSING_DOCUMENT("missing-document"),

		/**
		 * The file name has a NUL, control or bidirectional-override character, or is too
		 * long.
		 */
		FILE_NAME("file-name"),

		/** A program. */
		EXECUTABLE("executable"),

		/** A web page, script or markup. */
		SCRIPT("script"),

		/** An archive (zip, rar, ...). */
		ARCHIVE("archive"),

		/** The bytes are not what the name's extension says. */
		NAME_MISMATCH("name-mismatch"),

		/** The document type does not accept this format. */
		FORMAT_NOT_ACCEPTED("format-not-accepted"),

		/** Encrypted or password-protected. */
		ENCRYPTED("encrypted"),

		/** Cut off: the format's end is missing. */
		TRUNCATED("truncated"),

		/**
		 * The structure does not load cleanly: cross-references that only guessing
		 * repairs, a page tree that loops, objects that do not parse.
		 */
		BROKEN_STRUCTURE("broken-structure"),

		/** The content cannot be read (text extraction failed or took too long). */
		UNREADABLE("unreadable"),

		/**
		 * A PDF with JavaScript, a Launch action, embedded or attached files, an XFA
		 * form, RichMedia or other content that acts by itself.
		 */
		ACTIVE_CONTENT("active-content"),

		/** An Office file with a macro project or ActiveX controls. */
		MACROS("macros"),

		/** An Office file that fetches something from elsewhere when opened. */
		EXTERNAL_LINK("external-link"),

		/** An image above the pixel budget. */
		TOO_MANY_PIXELS("too-many-pixels"),

		/** Compressed parts that inflate beyond the limit or ratio. */
		DECOMPRESSION_BOMB("decompression-bomb"),

		/**
		 * Another file hidden in this one: data after the format's end or before its
		 * start, markup in an image's metadata, a file that is also a ZIP archive.
		 */
		POLYGLOT("polyglot");

		private final String code;

		Reason(String code) {
			this.code = code;
		}

		/** The stable code clients see. */
		String code() {
			return this.code;
		}

	}

}
