package io.motcua.app.documents;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import io.motcua.app.documents.InflationBudget.Exceeded;
import io.motcua.app.documents.PdfInspection.ByteBufferInput;
import io.motcua.app.documents.Refusal.Reason;

/**
 * Checks a PNG, JPEG or TIFF from its headers, never decoding its pixels: its dimensions
 * must be within the pixel budget, it must end where its format ends (nothing appended),
 * and its text and metadata segments must hold no web markup (an image that a browser
 * could also take for a page). PNG and JPEG are walked chunk by chunk and segment by
 * segment; TIFF's dimensions come from the JDK's ImageIO reader, which reads only the
 * tags for them.
 */
final class ImageInspection {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	/** Markup that makes a browser (or a careless viewer) treat bytes as a page. */
	private static final List<String> MARKUP = List.of("<script", "<html", "<body", "<iframe", "<svg", "<?php",
			"<object", "<embed", "<!doctype", "javascript:");

	private static final int MAX_TIFF_PAGES = 1000;

	private final ContentLimits limits;

	ImageInspection(ContentLimits limits) {
		this.limits = limits;
	}

	/**
	 * Refuses an image of {@code width} × {@code height} above the pixel budget.
	 * @param vietnamese names the image in Vietnamese ("ảnh")
	 * @param english names it in English ("the image")
	 */
	static Refusal pixels(long width, long height, ContentLimits limits, String vietnamese, String english) {
		if (width * height <= limits.maxImagePixels()) {
			return null;
		}
		String budget = megapixels(limits.maxImagePixels());
		return new Refusal(Reason.TOO_MANY_PIXELS,
				vietnamese + " có kích thước " + width + " × " + height + " điểm ảnh (" + megapixels(width * height)
						+ " triệu), vượt giới hạn " + budget + " triệu điểm ảnh; hãy gửi ảnh nhỏ hơn",
				english + " is " + width + " × " + height + " pixels (" + megapixels(width * height)
						+ " megapixels), over the limit of " + budget + " megapixels; send a smaller image");
	}

	/** Why the image is refused, null when it may be stored. */
	Refusal inspect(ByteBuffer bytes, String format, Path file) throws IOException {
		return switch (format) {
			case "png" -> png(bytes);
			case "jpeg" -> jpeg(bytes);
			case "tiff" -> tiff(file);
			default -> null;
		};
	}

	private Refusal png(ByteBuffer bytes) {
		int limit = bytes.limit();
		for (int i = 0; i < PNG_SIGNATURE.length; i++) {
			if (i >= limit || bytes.get(i) != PNG_SIGNATURE[i]) {
				return damaged("PNG");
			}
		}
		InflationBudget budget = new InflationBudget(this.limits, limit);
		int at = PNG_SIGNATURE.length;
		while (true) {
			if (at + 12 > limit) {
				return truncated("PNG");
			}
			long length = bytes.getInt(at) & 0xffffffffL;
			String type = new String(
					new byte[] { bytes.get(at + 4), bytes.get(at + 5), bytes.get(at + 6), bytes.get(at + 7) },
					StandardCharsets.ISO_8859_1);
			if (at + 12 + length > limit) {
				return truncated("PNG");
			}
			int data = at + 8;
			int end = data + (int) length;
			if (type.equals("IHDR") && length >= 8) {
				Refusal refusal = pixels(bytes.getInt(data) & 0xffffffffL, bytes.getInt(data + 4) & 0xffffffffL,
						this.limits, "ảnh", "the image");
				if (refusal != null) {
					return refusal;
				}
			}
			if ((type.equals("tEXt") || type.equals("iTXt")) && hasMarkup(bytes, data, end)) {
				return markup("PNG");
			}
			if (type.equals("zTXt") || type.equals("iCCP")) {
				// Keyword, NUL, compression method, then zlib data.
				int keyword = data;
				while (keyword < end && bytes.get(keyword) != 0) {
					keyword++;
				}
				if (keyword + 2 < end) {
					try {
						budget.inflate(new ByteBufferInput(bytes.duplicate().position(keyword + 2).limit(end)), 1,
								type);
					}
					catch (Exceeded ex) {
						return budget.refusal();
					}
				}
			}
			at = end + 4;
			if (type.equals("IEND")) {
				return trailing(bytes, at, "PNG");
			}
		}
	}

	private Refusal jpeg(ByteBuffer bytes) {
		int limit = bytes.limit();
		if (limit < 4 || (bytes.get(0) & 0xff) != 0xff || (bytes.get(1) & 0xff) != 0xd8) {
			return damaged("JPEG");
		}
		int at = 2;
		while (true) {
			// Decoders skip stray bytes before a marker; so does this walk.
			while (at < limit && (bytes.get(at) & 0xff) != 0xff) {
				at++;
			}
			while (at + 1 < limit && (bytes.get(at + 1) & 0xff) == 0xff) {
				at++;
			}
			if (at + 1 >= limit) {
				return truncated("JPEG");
			}
			int marker = bytes.get(at + 1) & 0xff;
			at += 2;
			if (marker == 0xd9) {
				return samsungTrailer(bytes, at) ? null : trailing(bytes, at, "JPEG");
			}
			if ((marker >= 0xd0 && marker <= 0xd8) || marker == 0x01) {
				continue;
			}
			if (at + 2 > limit) {
				return truncated("JPEG");
			}
			int length = bytes.getShort(at) & 0xffff;
			if (length < 2 || at + length > limit) {
				return truncated("JPEG");
			}
			boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
			if (frame && length >= 7) {
				long height = bytes.getShort(at + 3) & 0xffff;
				long width = bytes.getShort(at + 5) & 0xffff;
				Refusal refusal = pixels(width, height, this.limits, "ảnh", "the image");
				if (refusal != null) {
					return refusal;
				}
			}
			if (((marker >= 0xe0 && marker <= 0xef) || marker == 0xfe) && hasMarkup(bytes, at + 2, at + length)) {
				return markup("JPEG");
			}
			at += length;
			if (marker == 0xda) {
				// Entropy-coded data runs to the next marker that is neither a
				// stuffed zero nor a restart marker.
				while (at + 1 < limit) {
					if ((bytes.get(at) & 0xff) == 0xff) {
						int next = bytes.get(at + 1) & 0xff;
						if (next != 0x00 && next != 0xff && (next < 0xd0 || next > 0xd7)) {
							break;
						}
					}
					at++;
				}
			}
		}
	}

	private Refusal tiff(Path file) throws IOException {
		try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
			Iterator<ImageReader> readers = (in != null) ? ImageIO.getImageReaders(in) : null;
			if (readers == null || !readers.hasNext()) {
				return damaged("TIFF");
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, false, true);
				for (int page = 0; page < MAX_TIFF_PAGES; page++) {
					long width;
					long height;
					try {
						width = reader.getWidth(page);
						height = reader.getHeight(page);
					}
					catch (IndexOutOfBoundsException ex) {
						return null;
					}
					Refusal refusal = pixels(width, height, this.limits, "trang " + (page + 1) + " của ảnh",
							"page " + (page + 1) + " of the image");
					if (refusal != null) {
						return refusal;
					}
				}
				return null;
			}
			catch (IOException | RuntimeException ex) {
				return damaged("TIFF");
			}
			finally {
				reader.dispose();
			}
		}
	}

	/**
	 * Samsung cameras append their own records after the end of a JPEG, closed by
	 * {@code SEFT}; such a trailer is let through when it holds no markup (a ZIP hidden
	 * in it is caught by the archive check, which every image goes through).
	 */
	private static boolean samsungTrailer(ByteBuffer bytes, int end) {
		int limit = bytes.limit();
		return limit - end >= 8 && bytes.get(limit - 4) == 'S' && bytes.get(limit - 3) == 'E'
				&& bytes.get(limit - 2) == 'F' && bytes.get(limit - 1) == 'T' && !hasMarkup(bytes, end, limit);
	}

	/** Only zero padding may follow the format's end. */
	private static Refusal trailing(ByteBuffer bytes, int end, String format) {
		int after = 0;
		for (int i = end; i < bytes.limit(); i++) {
			if (bytes.get(i) != 0) {
				after = bytes.limit() - i;
				break;
			}
		}
		if (after == 0) {
			return null;
		}
		return new Refusal(Reason.POLYGLOT, "ảnh " + format + " có " + after
				+ " byte dữ liệu khác sau điểm kết thúc của ảnh (tệp ghép, ví dụ ảnh kèm tệp nén hoặc trang web)",
				"the " + format + " image has " + after + " bytes of other data after its end (a polyglot, for"
						+ " example an image with an archive or a web page appended)");
	}

	private static boolean hasMarkup(ByteBuffer bytes, int from, int to) {
		byte[] segment = new byte[Math.max(0, to - from)];
		bytes.duplicate().position(from).get(segment);
		String text = new String(segment, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
		return MARKUP.stream().anyMatch(text::contains);
	}

	private static Refusal markup(String format) {
		return new Refusal(Reason.POLYGLOT,
				"ảnh " + format
						+ " chứa mã trang web (HTML hoặc script) trong phần siêu dữ liệu; hãy chụp hoặc quét lại",
				"the " + format + " image hides web markup (HTML or script) in its metadata; take or scan it again");
	}

	private static Refusal truncated(String format) {
		return new Refusal(Reason.TRUNCATED, "ảnh " + format + " bị cắt cụt (thiếu phần kết thúc); hãy gửi tệp đầy đủ",
				"the " + format + " image is truncated (its end is missing); send the complete file");
	}

	private static Refusal damaged(String format) {
		return new Refusal(Reason.BROKEN_STRUCTURE, "ảnh " + format + " bị hỏng, không đọc được phần đầu",
				"the " + format + " image is damaged: its header cannot be read");
	}

	private static String megapixels(long pixels) {
		return String.format(Locale.ROOT, "%.1f", pixels / 1_000_000.0);
	}

}
