package io.motcua.app.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.InflaterInputStream;

import io.motcua.app.documents.Refusal.Reason;

/**
 * Counts what the compressed parts of one file inflate to, and stops the inflating the
 * moment a part, or the file as a whole, goes over its limit: nothing is ever inflated
 * further than the limit, whatever sizes the file claims. A part may inflate to
 * {@link ContentLimits#maxInflatedSize()}; all parts together to
 * {@link ContentLimits#maxInflateRatio()} times the file's size, and never less than one
 * part's limit (a small file may hold one large page).
 */
final class InflationBudget {

	private final long partLimit;

	private final long totalLimit;

	private final int ratio;

	private long total;

	private Refusal refusal;

	InflationBudget(ContentLimits limits, long fileSize) {
		this.partLimit = limits.maxInflatedSize();
		this.ratio = limits.maxInflateRatio();
		long scaled = (fileSize > Long.MAX_VALUE / Math.max(1, this.ratio)) ? Long.MAX_VALUE : fileSize * this.ratio;
		this.totalLimit = Math.max(this.partLimit, scaled);
	}

	/** The most one part may inflate to. */
	long partLimit() {
		return this.partLimit;
	}

	/** Why the file is refused once a limit was reached; null while within them. */
	Refusal refusal() {
		return this.refusal;
	}

	/**
	 * A sink counting one part's inflated bytes, which throws {@link Exceeded} once the
	 * part passes {@code limit} or the file passes its total.
	 * @param what names the part in the refusal ("stream 12", "word/document.xml")
	 */
	OutputStream part(String what, long limit) {
		return new OutputStream() {

			private long count;

			@Override
			public void write(int b) throws IOException {
				count(what, limit, 1);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				count(what, limit, length);
			}

			private void count(String name, long max, int length) throws IOException {
				this.count += length;
				InflationBudget.this.total += length;
				if (this.count > max) {
					throw partOver(name, max);
				}
				if (InflationBudget.this.total > InflationBudget.this.totalLimit) {
					throw exceeded(Reason.DECOMPRESSION_BOMB, "các phần nén của tệp giải nén ra hơn "
							+ DocumentChecks.megabytes(InflationBudget.this.totalLimit) + ", quá "
							+ InflationBudget.this.ratio + " lần kích thước tệp; tệp như vậy có thể làm cạn bộ nhớ",
							"the file's compressed parts inflate to more than "
									+ DocumentChecks.megabytes(InflationBudget.this.totalLimit) + ", over "
									+ InflationBudget.this.ratio
									+ " times the file's size; such a file can exhaust memory");
				}
			}

		};
	}

	/**
	 * Inflates zlib data (a Flate stream, a compressed PNG chunk) into the count, at most
	 * {@code layers} times nested; data that is not zlib or is damaged simply stops the
	 * count (the format's own checks judge it).
	 * @throws Exceeded when a limit is reached
	 */
	void inflate(InputStream zlib, int layers, String what) throws Exceeded {
		InputStream in = zlib;
		for (int i = 0; i < layers; i++) {
			in = new InflaterInputStream(in);
		}
		try (OutputStream out = part(what, this.partLimit)) {
			in.transferTo(out);
		}
		catch (Exceeded ex) {
			throw ex;
		}
		catch (IOException ex) {
			// Not zlib, or damaged: nothing more to count.
		}
	}

	/**
	 * Notes that a part unpacks beyond {@code max} (also when the unpacking happens
	 * outside this count, in a chain of filters).
	 */
	Exceeded partOver(String what, long max) {
		return exceeded(Reason.DECOMPRESSION_BOMB,
				"phần nén " + what + " giải nén ra hơn " + DocumentChecks.megabytes(max)
						+ ", quá giới hạn cho một phần; tệp như vậy có thể làm cạn bộ nhớ",
				"the compressed part " + what + " inflates to more than " + DocumentChecks.megabytes(max)
						+ ", over the limit for one part; such a file can exhaust memory");
	}

	private Exceeded exceeded(Reason reason, String vietnamese, String english) {
		if (this.refusal == null) {
			this.refusal = new Refusal(reason, vietnamese, english);
		}
		return new Exceeded();
	}

	/** Thrown into the inflater the moment a limit is passed. */
	static final class Exceeded extends IOException {

		Exceeded() {
			super("inflation limit reached");
		}

	}

}
