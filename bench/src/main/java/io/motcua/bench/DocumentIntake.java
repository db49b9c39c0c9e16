package io.motcua.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import org.springframework.security.core.context.SecurityContextHolder;

import io.motcua.app.documents.BenchDocuments;
import io.motcua.app.documents.DocumentService;
import io.motcua.app.documents.DocumentStore;
import io.motcua.app.documents.DocumentView;
import io.motcua.app.documents.IncomingFile;
import io.motcua.app.intake.BenchIntake;

/**
 * Workload 6: documents accepted per second through Motcua's document intake (what
 * {@code POST /api/v1/dossiers/{code}/documents} calls, without HTTP: type detection,
 * checks, text extraction, hashing, the content-addressed store, the document row and the
 * timeline), for 1 MB PDFs and 5 MB JPEGs, next to plain SHA-256 and writing the same
 * bytes to a file. One client thread; subjects interleaved round by round.
 */
final class DocumentIntake {

	/** A document type of HKD-01 that takes PDF and JPEG. */
	private static final String DOCUMENT_TYPE = "GIAY_TO_PHAP_LY_CA_NHAN";

	/** A dossier gets a new one after this many documents (a real dossier has a few). */
	private static final int DOCUMENTS_PER_DOSSIER = 10;

	private static final String PEER = "SHA-256 + write (no fsync)";

	/** The same with the durability Motcua's store gives: the file forced to disk. */
	private static final String DURABLE_PEER = "SHA-256 + write + fsync";

	/** Replaced by a counter in every document, so that no two are the same bytes. */
	private static final String MARKER = "motcua-bench-0000000000000000";

	private static final int COUNTER_DIGITS = 16;

	private final Bench bench;

	private final MotcuaApp app;

	private final DocumentService documents;

	private final DocumentStore store;

	private final BenchIntake intake;

	private final List<String> storedHashes = new ArrayList<>();

	private final List<Path> peerFiles = new ArrayList<>();

	private long counter;

	private long applicant = 700_000_000L;

	private String dossier;

	private int inDossier;

	private long dossiersMade;

	private long dossierNanos;

	private Path peerDir;

	DocumentIntake(Bench bench, MotcuaApp app) {
		this.bench = bench;
		this.app = app;
		this.documents = app.context.getBean(DocumentService.class);
		this.store = app.context.getBean(DocumentStore.class);
		this.intake = new BenchIntake(app.context);
	}

	void run() throws Exception {
		long setupStart = System.nanoTime();
		this.peerDir = Files.createDirectories(this.bench.dir.resolve("target/intake-peer"));
		List<Kind> kinds = List.of(kind("PDF", "giay-to-phap-ly.pdf", pdf(1_000_000)),
				kind("JPEG", "can-cuoc-cong-dan.jpg", jpeg(5_000_000)));
		System.out.printf("intake: documents %s ready in %.1f s%n",
				kinds.stream().map((k) -> k.name() + " " + k.bytes().length + " bytes").toList(),
				(System.nanoTime() - setupStart) / 1e9);
		SecurityContextHolder.getContext().setAuthentication(this.app.as("clerk"));
		try {
			List<Subject> subjects = new ArrayList<>();
			for (Kind kind : kinds) {
				subjects.add(new Subject("Motcua " + kind.name(), kind, true, false));
				subjects.add(new Subject(PEER + " " + kind.name(), kind, false, false));
				subjects.add(new Subject(DURABLE_PEER + " " + kind.name(), kind, false, true));
			}
			double warmSeconds = Math.min(this.bench.seconds, 2);
			// The peer is fast and steady: a short slice of each round gives it a hundred
			// documents or more and keeps the workload near two minutes
			double peerSeconds = Math.min(this.bench.seconds, 1);
			for (Subject subject : subjects) {
				Result warm = measure(subject, subject.motcua() ? warmSeconds : peerSeconds);
				System.out.printf("warm-up %-40s %7.1f documents/s (%d errors%s)%n", subject.name(), warm.perSecond(),
						warm.errors(), (warm.firstError() != null) ? ": " + warm.firstError() : "");
			}
			Map<String, List<Result>> results = new LinkedHashMap<>();
			for (int r = 0; r < this.bench.rounds; r++) {
				List<String> line = new ArrayList<>();
				// Interleaved, so that load from elsewhere hits every subject alike
				for (Subject subject : subjects) {
					Result result = measure(subject, subject.motcua() ? this.bench.seconds : peerSeconds);
					results.computeIfAbsent(subject.name(), (k) -> new ArrayList<>()).add(result);
					line.add(String.format("%s %.1f/s", subject.name(), result.perSecond()));
				}
				System.out.printf("intake round %d: %s%n", r + 1, line);
			}
			for (Kind kind : kinds) {
				List<Result> motcua = results.get("Motcua " + kind.name());
				List<Result> peer = results.get(PEER + " " + kind.name());
				List<Double> ratios = new ArrayList<>();
				for (int r = 0; r < motcua.size(); r++) {
					ratios.add(motcua.get(r).perSecond() / peer.get(r).perSecond());
				}
				Stats ratio = Stats.of(ratios);
				this.bench.rows.add(new Row("6 Intake", "documents/s, " + kind.label(), "1",
						Stats.of(motcua.stream().map(Result::perSecond).toList()), PEER,
						Stats.of(peer.stream().map(Result::perSecond).toList()), ratio, "", null));
				List<Result> durable = results.get(DURABLE_PEER + " " + kind.name());
				List<Double> durableRatios = new ArrayList<>();
				for (int r = 0; r < motcua.size(); r++) {
					durableRatios.add(motcua.get(r).perSecond() / durable.get(r).perSecond());
				}
				// Goal of issue 14: the PDF against a durable write of the same bytes
				boolean goalHere = kind.label().contains("PDF");
				Stats durableRatio = Stats.of(durableRatios);
				this.bench.rows.add(new Row("6 Intake", "documents/s, " + kind.label(), "1",
						Stats.of(motcua.stream().map(Result::perSecond).toList()), DURABLE_PEER,
						Stats.of(durable.stream().map(Result::perSecond).toList()), durableRatio,
						goalHere ? "≥ 0.2×" : "", goalHere ? durableRatio.median() >= 0.2 : null));
			}
			for (Map.Entry<String, List<Result>> entry : results.entrySet()) {
				long errors = entry.getValue().stream().mapToLong(Result::errors).sum();
				if (errors > 0) {
					this.bench.notes.add("Intake (workload 6): " + entry.getKey() + ": " + errors
							+ " refused or failed documents over the rounds, first: "
							+ entry.getValue()
								.stream()
								.map(Result::firstError)
								.filter((e) -> e != null)
								.findFirst()
								.orElse(""));
				}
			}
			Map<String, Map<String, Double>> breakdown = new LinkedHashMap<>();
			for (Kind kind : kinds) {
				double total = 1000
						/ Stats.of(results.get("Motcua " + kind.name()).stream().map(Result::perSecond).toList())
							.median();
				breakdown.put(kind.name(), breakdown(kind, total));
			}
			this.bench.notes.add("Intake (workload 6), where a document's time goes (ms, median of "
					+ (this.bench.quick ? 5 : 9) + " documents through the same beans, after the rounds; "
					+ "stages of check and attach, then the phases of supplement: find the dossier, check the file, "
					+ "attach it in one transaction; 'attach without store' is the row, search text, timeline event "
					+ "and commit): "
					+ String.join("; ", breakdown.entrySet()
						.stream()
						.map((e) -> e.getKey() + " " + String.join(", ", e.getValue()
							.entrySet()
							.stream()
							.map((stage) -> stage.getKey() + " " + String.format(Locale.ROOT, "%.1f", stage.getValue()))
							.toList()))
						.toList())
					+ ".");
			Map<String, Object> raw = new LinkedHashMap<>();
			raw.put("millisPerDocument", breakdown);
			Map<String, Object> sizes = new LinkedHashMap<>();
			kinds.forEach((kind) -> sizes.put(kind.name(), kind.bytes().length));
			raw.put("documentBytes", sizes);
			raw.put("dossiersMade", this.dossiersMade);
			raw.put("rounds", results);
			this.bench.raw.put("intake", raw);
			this.bench.notes.add("Intake (workload 6): Motcua is DocumentService.supplement as the demo clerk, one "
					+ "file per call (what POST /api/v1/dossiers/{code}/documents calls): stage a copy, Tika type "
					+ "detection, PDF sanity load (PDFBox), Tika text extraction, then in one transaction SHA-256, "
					+ "write, fsync of the file and its folder and atomic move in the content-addressed store, the "
					+ "document row, the dossier's search text and a timeline event. The peer hashes the array "
					+ "with SHA-256 and writes it with Files.write into " + this.peerDir + " without fsync, for "
					+ String.format(Locale.ROOT, "%.0f s", peerSeconds) + " of each round (Motcua "
					+ String.format(Locale.ROOT, "%.0f s", this.bench.seconds)
					+ "); same filesystem, same JVM, one client thread. Every document carries its "
					+ "own counter (PDF: Info dictionary; JPEG: a COM segment), so the store never de-duplicates. "
					+ DOCUMENTS_PER_DOSSIER + " documents per dossier; new dossiers (" + this.dossiersMade + " in all, "
					+ String.format(Locale.ROOT, "%.0f s", this.dossierNanos / 1e9)
					+ ") are received between documents, outside the timing. Stored and written files are "
					+ "deleted after each round.");
		}
		finally {
			SecurityContextHolder.clearContext();
			cleanUp();
		}
	}

	/**
	 * Runs a subject for {@code seconds} of its own time: the clock runs only around the
	 * document itself, not around making a new dossier or stamping the counter.
	 */
	private Result measure(Subject subject, double seconds) throws IOException {
		long target = (long) (seconds * 1e9);
		long busy = 0;
		long count = 0;
		long errors = 0;
		String firstError = null;
		Kind kind = subject.kind();
		while (busy < target) {
			stamp(kind);
			if (subject.motcua()) {
				nextDossierIfFull();
			}
			long start = System.nanoTime();
			try {
				if (subject.motcua()) {
					accept(kind);
				}
				else {
					hashAndWrite(kind, subject.durable());
				}
				count++;
			}
			catch (Exception ex) {
				errors++;
				if (firstError == null) {
					firstError = ex.toString();
				}
			}
			busy += System.nanoTime() - start;
		}
		cleanUp();
		return new Result(count, busy / 1e9, errors, firstError);
	}

	/**
	 * Times the stages of one document (median over a few), and the peer's hashing and
	 * writing with an fsync added, for comparison.
	 */
	private Map<String, Double> breakdown(Kind kind, double totalMillis) throws Exception {
		BenchDocuments stages = new BenchDocuments(this.app.context);
		Map<String, List<Double>> samples = new LinkedHashMap<>();
		for (int i = 0; i < (this.bench.quick ? 5 : 9); i++) {
			stamp(kind);
			stages.stages(kind.bytes(), kind.fileName(), List.of("pdf", "jpeg", "png"))
				.forEach((stage, millis) -> samples.computeIfAbsent(stage, (k) -> new ArrayList<>()).add(millis));
			stamp(kind);
			nextDossierIfFull();
			stages.phases(this.dossier, DOCUMENT_TYPE, kind.bytes(), kind.fileName())
				.forEach((phase, millis) -> samples.computeIfAbsent(phase, (k) -> new ArrayList<>()).add(millis));
			this.inDossier++;
			long start = System.nanoTime();
			hashAndWrite(kind, true);
			samples.computeIfAbsent("peer + fsync", (k) -> new ArrayList<>()).add((System.nanoTime() - start) / 1e6);
			cleanUp();
		}
		Map<String, Double> millis = new LinkedHashMap<>();
		samples.forEach((stage, values) -> millis.put(stage, Stats.of(values).median()));
		millis.put("attach without store", millis.get("attach") - millis.get("store"));
		millis.put("total (from the rounds)", totalMillis);
		return millis;
	}

	/** Receives a new dossier when the current one has its share of documents. */
	private void nextDossierIfFull() {
		if (this.dossier == null || this.inDossier >= DOCUMENTS_PER_DOSSIER) {
			long start = System.nanoTime();
			this.dossier = this.intake
				.receive(MotcuaServiceLifecycle.PROCEDURE, String.format("%012d", ++this.applicant))
				.code();
			this.dossierNanos += System.nanoTime() - start;
			this.inDossier = 0;
			this.dossiersMade++;
		}
	}

	private void accept(Kind kind) {
		List<DocumentView> added = this.documents.supplement(this.dossier, List
			.of(new IncomingFile(DOCUMENT_TYPE, kind.fileName(), () -> new ByteArrayInputStream(kind.bytes()))));
		this.inDossier++;
		added.forEach((document) -> this.storedHashes.add(document.sha256()));
	}

	private Path hashAndWrite(Kind kind, boolean durable) throws Exception {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		String hash = HexFormat.of().formatHex(digest.digest(kind.bytes()));
		Path file = this.peerDir.resolve(hash);
		if (durable) {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(kind.bytes());
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
		}
		else {
			Files.write(file, kind.bytes());
		}
		this.peerFiles.add(file);
		return file;
	}

	/** Writes the next counter into the document, in place. */
	private void stamp(Kind kind) {
		byte[] digits = String.format("%0" + COUNTER_DIGITS + "d", ++this.counter).getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(digits, 0, kind.bytes(), kind.counterOffset(), COUNTER_DIGITS);
	}

	/** Removes what the rounds stored, so that gigabytes do not pile up. */
	private void cleanUp() throws IOException {
		for (String hash : this.storedHashes) {
			this.store.delete(hash);
		}
		this.storedHashes.clear();
		for (Path file : this.peerFiles) {
			Files.deleteIfExists(file);
		}
		this.peerFiles.clear();
	}

	private static Kind kind(String name, String fileName, byte[] bytes) {
		byte[] marker = MARKER.getBytes(StandardCharsets.US_ASCII);
		int at = -1;
		for (int i = 0; i <= bytes.length - marker.length && at < 0; i++) {
			int j = 0;
			while (j < marker.length && bytes[i + j] == marker[j]) {
				j++;
			}
			if (j == marker.length) {
				at = i;
			}
		}
		if (at < 0) {
			throw new IllegalStateException("The counter marker is not in the " + name);
		}
		return new Kind(name, fileName, bytes, at + marker.length - COUNTER_DIGITS);
	}

	/**
	 * A scanned-looking application document of about {@code target} bytes: three pages
	 * of text and, on the last, an image of random noise (which does not compress), the
	 * counter marker in the Info dictionary (written without object streams, so it stays
	 * readable in the file).
	 */
	static byte[] pdf(int target) throws IOException {
		try (PDDocument document = new PDDocument();
				InputStream fontFile = DocumentIntake.class.getClassLoader()
					.getResourceAsStream("io/motcua/signing/fonts/DejaVuSans.ttf")) {
			if (fontFile == null) {
				throw new IllegalStateException("DejaVu Sans is missing from the classpath (motcua-signing)");
			}
			PDFont font = PDType0Font.load(document, fontFile);
			document.getDocumentInformation().setSubject(MARKER);
			int side = (int) Math.sqrt((target - 40_000) / 3.0);
			BufferedImage noise = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
			Random random = new Random(6);
			for (int y = 0; y < side; y++) {
				for (int x = 0; x < side; x++) {
					noise.setRGB(x, y, random.nextInt(0x1000000));
				}
			}
			PDImageXObject image = LosslessFactory.createFromImage(document, noise);
			for (int p = 1; p <= 3; p++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(font, 11);
					content.setLeading(15);
					content.newLineAtOffset(60, 780);
					for (int i = 0; i < 45; i++) {
						content.showText("Giấy đề nghị đăng ký hộ kinh doanh — chủ hộ Nguyễn Văn An, căn cước "
								+ "công dân số 079" + String.format("%09d", i) + ", trang " + p);
						content.newLine();
					}
					content.endText();
					if (p == 3) {
						content.drawImage(image, 60, 60, 300, 300);
					}
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream(target + 65536);
			document.save(out, CompressParameters.NO_COMPRESSION);
			return out.toByteArray();
		}
	}

	/**
	 * A photo-sized JPEG of random noise of about {@code target} bytes, with the counter
	 * marker in a comment (COM) segment right after the start-of-image marker.
	 */
	static byte[] jpeg(int target) throws IOException {
		// Noise costs about the same per pixel at any size: measure it on a small one
		double perPixel = encodeJpeg(noise(400, 300)).length / (400.0 * 300);
		int width = (int) Math.sqrt(target / perPixel * 4 / 3);
		int height = width * 3 / 4;
		byte[] encoded = encodeJpeg(noise(width, height));
		byte[] comment = MARKER.getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length + comment.length + 4);
		out.write(encoded, 0, 2);
		out.write(0xFF);
		out.write(0xFE);
		out.write((comment.length + 2) >> 8);
		out.write((comment.length + 2) & 0xFF);
		out.write(comment);
		out.write(encoded, 2, encoded.length - 2);
		return out.toByteArray();
	}

	private static BufferedImage noise(int width, int height) {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Random random = new Random(width);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				image.setRGB(x, y, random.nextInt(0x1000000));
			}
		}
		return image;
	}

	private static byte[] encodeJpeg(BufferedImage image) throws IOException {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ImageWriteParam param = writer.getDefaultWriteParam();
		param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
		param.setCompressionQuality(0.9f);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
			writer.setOutput(stream);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
		return out.toByteArray();
	}

	/**
	 * A kind of document.
	 *
	 * @param name short name
	 * @param fileName the name the applicant gives it
	 * @param bytes its content, stamped in place before each use
	 * @param counterOffset where the counter's digits are
	 */
	private record Kind(String name, String fileName, byte[] bytes, int counterOffset) {

		String label() {
			return String.format(Locale.ROOT, "%.1f MB %s", this.bytes.length / 1e6, this.name);
		}

	}

	private record Subject(String name, Kind kind, boolean motcua, boolean durable) {
	}

	/**
	 * One round of one subject.
	 *
	 * @param documents documents accepted (or hashed and written)
	 * @param seconds time spent on them
	 * @param errors documents refused or failed
	 * @param firstError the first refusal or failure, null without
	 */
	record Result(long documents, double seconds, long errors, String firstError) {

		double perSecond() {
			return this.documents / this.seconds;
		}

	}

}
