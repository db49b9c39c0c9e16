package io.motcua.app.documents;

import java.util.Locale;

import io.motcua.app.documents.Refusal.Reason;

/**
 * The names applicants give their files. A name with a NUL, another control character or
 * a bidirectional control is refused: none has a place in a file name, and a
 * right-to-left override (U+202E) between {@code hoa-don} and {@code exe.pdf} makes the
 * name show as {@code hoa-donfdp.exe}. So is a name longer than the limit. Only the last
 * path segment counts (some browsers send the whole path).
 */
final class FileNames {

	private FileNames() {
	}

	/** Why a name is refused, null when it may be kept. */
	static Refusal check(String fileName, int maxLength) {
		if (fileName == null) {
			return null;
		}
		String name = lastSegment(fileName);
		for (int i = 0; i < name.length();) {
			int c = name.codePointAt(i);
			if (c == 0) {
				return new Refusal(Reason.FILE_NAME, "tên tệp chứa ký tự NUL; hãy đổi tên tệp rồi gửi lại",
						"the file name contains a NUL character; rename the file and send it again");
			}
			if (isBidiControl(c)) {
				return new Refusal(Reason.FILE_NAME,
						"tên tệp chứa ký tự điều khiển hướng chữ " + codePoint(c)
								+ ", làm tên hiển thị khác với tên thật; hãy đổi tên tệp rồi gửi lại",
						"the file name contains the bidirectional control " + codePoint(c)
								+ ", which makes it show as another name; rename the file and send it again");
			}
			if (Character.getType(c) == Character.CONTROL) {
				return new Refusal(Reason.FILE_NAME,
						"tên tệp chứa ký tự điều khiển " + codePoint(c) + "; hãy đổi tên tệp rồi gửi lại",
						"the file name contains the control character " + codePoint(c)
								+ "; rename the file and send it again");
			}
			i += Character.charCount(c);
		}
		int length = name.codePointCount(0, name.length());
		if (length > maxLength) {
			return new Refusal(Reason.FILE_NAME,
					"tên tệp dài " + length + " ký tự, quá giới hạn " + maxLength + " ký tự; hãy đặt tên ngắn hơn",
					"the file name is " + length + " characters long, over the limit of " + maxLength
							+ "; give it a shorter name");
		}
		return null;
	}

	/**
	 * The name as it may be shown in a refusal: quotes, control and bidirectional
	 * characters written as a backslash, u and four hex digits; long names shortened in
	 * the middle.
	 */
	static String shown(String fileName) {
		if (fileName == null) {
			return null;
		}
		StringBuilder shown = new StringBuilder();
		lastSegment(fileName).codePoints().forEach((c) -> {
			if (c == '\'' || c == '"' || isBidiControl(c) || Character.getType(c) == Character.CONTROL) {
				shown.append(String.format(Locale.ROOT, "\\u%04X", c));
			}
			else {
				shown.appendCodePoint(c);
			}
		});
		return (shown.length() > 120) ? shown.substring(0, 60) + "…" + shown.substring(shown.length() - 59)
				: shown.toString();
	}

	/** The last path segment, without control characters, at most 200 characters. */
	static String safe(String fileName, String fallback) {
		String name = (fileName != null) ? lastSegment(fileName) : "";
		name = name.codePoints()
			.filter((c) -> !Character.isISOControl(c) && !isBidiControl(c) && c != '"')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = fallback;
		}
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	private static String lastSegment(String fileName) {
		String name = fileName.replace('\\', '/');
		return name.substring(name.lastIndexOf('/') + 1);
	}

	/**
	 * Marks, embeddings, overrides and isolates of the Unicode bidirectional algorithm.
	 */
	static boolean isBidiControl(int c) {
		return c == 0x061c || c == 0x200e || c == 0x200f || (c >= 0x202a && c <= 0x202e)
				|| (c >= 0x2066 && c <= 0x2069);
	}

	private static String codePoint(int c) {
		return String.format(Locale.ROOT, "U+%04X", c);
	}

}
