package io.motcua.app.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text of an accepted document with Apache Tika, bounded three ways: at most
 * {@code extracted-text-chars} characters are kept (the rest is cut off, not an error),
 * no embedded document is parsed (no recursion into attachments or nested files), and a
 * document that takes longer than {@code parse-timeout} is given up on. Tika's parsers
 * read XML (XFA forms, OOXML parts) with external entities disabled.
 */
class TextExtractor {

	private final AutoDetectParser parser = new AutoDetectParser();

	private final ExecutorService executor;

	private final int maxChars;

	private final Duration timeout;

	TextExtractor(int maxChars, Duration timeout) {
		AtomicInteger count = new AtomicInteger();
		int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
		this.executor = Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "document-parser-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.maxChars = maxChars;
		this.timeout = timeout;
	}

	/**
	 * The text of a document.
	 * @param file the document
	 * @param mediaType its detected media type
	 * @return the text, cut at the limit; empty for images
	 * @throws UnreadableDocumentException when the document cannot be parsed or takes too
	 * long
	 */
	String extract(Path file, String mediaType) {
		if (mediaType != null && mediaType.startsWith("image/")) {
			// Scans hold no text layer; Tika's JPEG parser would read a 5 MB
			// photo byte by byte looking for XMP, for nothing (the type itself
			// is checked on detection)
			return "";
		}
		Future<String> result = this.executor.submit(() -> parse(file, mediaType));
		try {
			return result.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			result.cancel(true);
			throw new UnreadableDocumentException("reading the file took longer than " + this.timeout.toSeconds()
					+ " s; it is too complex or damaged");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new UnreadableDocumentException(
					"the file cannot be read: it is damaged or not what it claims to be (" + reason(cause) + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			result.cancel(true);
			throw new UnreadableDocumentException("reading the file was interrupted");
		}
	}

	/** Stops the parser threads. */
	void close() {
		this.executor.shutdownNow();
	}

	private String parse(Path file, String mediaType) throws IOException, TikaException, SAXException {
		BodyContentHandler handler = new BodyContentHandler(this.maxChars);
		Metadata metadata = new Metadata();
		metadata.set(Metadata.CONTENT_TYPE, mediaType);
		ParseContext context = new ParseContext();
		context.set(EmbeddedDocumentExtractor.class, new NoEmbeddedDocuments());
		PDFParserConfig pdf = new PDFParserConfig();
		pdf.setExtractInlineImages(false);
		pdf.setExtractUniqueInlineImagesOnly(true);
		pdf.setExtractAnnotationText(false);
		pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
		context.set(PDFParserConfig.class, pdf);
		try (InputStream stream = TikaInputStream.get(file)) {
			this.parser.parse(stream, handler, metadata, context);
		}
		catch (SAXException | TikaException ex) {
			if (!WriteLimitReachedException.isWriteLimitReached(ex)) {
				throw ex;
			}
		}
		return handler.toString().replaceAll("\\s+", " ").trim();
	}

	private static String reason(Throwable cause) {
		String message = cause.getMessage();
		String text = cause.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		return (text.length() > 200) ? text.substring(0, 200) + "…" : text;
	}

	/** Embedded documents (attachments, nested files) are never parsed. */
	private static final class NoEmbeddedDocuments implements EmbeddedDocumentExtractor {

		@Override
		public boolean shouldParseEmbedded(Metadata metadata) {
			return false;
		}

		@Override
		public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
			// never called: shouldParseEmbedded says no
		}

	}

	/** A document whose text cannot be read. */
	static final class UnreadableDocumentException extends RuntimeException {

		UnreadableDocumentException(String message) {
			super(message);
		}

	}

}
