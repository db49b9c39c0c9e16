package io.motcua.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.CubicCurve2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import javax.imageio.ImageIO;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import io.motcua.signing.PdfSignatureVerifier;
import io.motcua.signing.PdfSigner;
import io.motcua.signing.SignRequest;
import io.motcua.signing.SignatureAppearance;
import io.motcua.signing.SignatureLevel;
import io.motcua.signing.SigningKey;
import io.motcua.signing.VerificationReport;

/**
 * Workload 5: PAdES signatures per second with Motcua's signing library (a 1-page and a
 * 50-page result, B-B and B-T against a timestamp authority in this JVM), next to raw
 * RSA-2048 signatures per second with the same key in the same JVM. The request is the
 * one {@code ResultSigning} makes for an approver: a visible signature block on page 1
 * (title, signature image, name) and a certification signature. One client thread;
 * subjects interleaved round by round.
 */
final class Signing {

	private static final String RAW = "raw RSA-2048 SHA256withRSA (32 bytes)";

	/** Where {@code ResultSigning} puts the approver's block (points). */
	private static final float BLOCK_X = 320;

	private static final float BLOCK_Y = 70;

	private static final float BLOCK_WIDTH = 230;

	private static final float BLOCK_HEIGHT = 130;

	private static final String TITLE = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH";

	private static final String SIGNER = "Nguyễn Văn An";

	private final Bench bench;

	Signing(Bench bench) {
		this.bench = bench;
	}

	void run() throws Exception {
		long setupStart = System.nanoTime();
		Pki pki = new Pki();
		try (LocalTsa tsa = new LocalTsa(pki)) {
			PdfSigner signer = new PdfSigner(Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")), Duration.ofSeconds(10));
			byte[] signatureImage = signatureImage();
			Map<Integer, byte[]> pdfs = new LinkedHashMap<>();
			for (int pages : List.of(1, 50)) {
				pdfs.put(pages, decision(pages));
			}
			byte[] digest = new byte[32];
			new Random(5).nextBytes(digest);

			List<Subject> subjects = new ArrayList<>();
			subjects.add(new Subject(RAW, 0, null, () -> {
				Signature signature = Signature.getInstance("SHA256withRSA");
				signature.initSign(pki.signer.privateKey());
				signature.update(digest);
				signature.sign();
			}));
			for (int pages : pdfs.keySet()) {
				for (SignatureLevel level : List.of(SignatureLevel.PADES_BASELINE_B, SignatureLevel.PADES_BASELINE_T)) {
					SignRequest request = request(pdfs.get(pages), level, tsa.url(), signatureImage);
					subjects.add(new Subject(pages + ((pages == 1) ? " page, " : " pages, ") + label(level), pages,
							level, () -> signer.sign(request, pki.signer)));
				}
			}
			// Sign once per variant and verify, so that the rates below are of signatures
			// that are valid
			PdfSignatureVerifier verifier = new PdfSignatureVerifier(List.of(pki.root));
			Map<String, Object> samples = new LinkedHashMap<>();
			for (Subject subject : subjects) {
				if (subject.level() == null) {
					continue;
				}
				byte[] signed = signer
					.sign(request(pdfs.get(subject.pages()), subject.level(), tsa.url(), signatureImage), pki.signer);
				VerificationReport report = verifier.verify(signed);
				samples.put(subject.name(), Map.of("unsignedBytes", pdfs.get(subject.pages()).length, "signedBytes",
						signed.length, "verification", report.indication().toString()));
				if (!report.isValid()) {
					this.bench.notes.add("Signing (workload 5): a " + subject.name() + " signature does not verify: "
							+ report.indication() + " " + report.reasons());
				}
			}
			double tsaMillis = tsa.roundTripMillis(50);
			System.out.printf("signing: keys, TSA (round trip %.2f ms) and PDFs (%s) ready in %.1f s%n", tsaMillis,
					pdfs.entrySet()
						.stream()
						.map((e) -> e.getKey() + " p. " + (e.getValue().length / 1024) + " KiB")
						.toList(),
					(System.nanoTime() - setupStart) / 1e9);

			double warmSeconds = Math.min(this.bench.seconds, 2);
			// The peer is fast and steady: a short slice of each round gives it
			// hundreds of signatures and keeps the workload near two minutes
			double peerSeconds = Math.min(this.bench.seconds, 1);
			for (Subject subject : subjects) {
				System.out.printf("warm-up %-40s %8.1f signatures/s%n", subject.name(),
						measure(subject, (subject.level() == null) ? peerSeconds : warmSeconds).perSecond());
			}
			Map<String, List<Result>> results = new LinkedHashMap<>();
			for (int r = 0; r < this.bench.rounds; r++) {
				List<String> line = new ArrayList<>();
				// Interleaved, so that load from elsewhere hits every subject alike
				for (Subject subject : subjects) {
					Result result = measure(subject, (subject.level() == null) ? peerSeconds : this.bench.seconds);
					results.computeIfAbsent(subject.name(), (k) -> new ArrayList<>()).add(result);
					line.add(String.format("%s %.1f/s", subject.name(), result.perSecond()));
				}
				System.out.printf("signing round %d: %s%n", r + 1, line);
			}

			// Not a row: what the visible block and the certification cost, in one slice
			SignRequest invisible = SignRequest.baselineB(pdfs.get(1), "Phê duyệt kết quả hồ sơ HKD-01-BENCH");
			Result bare = measure(new Subject("1 page, B-B invisible", 1, SignatureLevel.PADES_BASELINE_B,
					() -> signer.sign(invisible, pki.signer)), warmSeconds);
			Result rawAfter = measure(subjects.get(0), peerSeconds);
			System.out.printf("signing, invisible and not certifying: 1 page, B-B %.1f/s, raw RSA %.1f/s%n",
					bare.perSecond(), rawAfter.perSecond());
			results.put("1 page, B-B invisible, not certifying (one slice after the rounds)", List.of(bare));
			results.put(RAW + " (one slice after the rounds)", List.of(rawAfter));

			List<Result> raw = results.get(RAW);
			for (Subject subject : subjects) {
				if (subject.level() == null) {
					continue;
				}
				List<Result> motcua = results.get(subject.name());
				List<Double> ratios = new ArrayList<>();
				for (int r = 0; r < motcua.size(); r++) {
					ratios.add(motcua.get(r).perSecond() / raw.get(r).perSecond());
				}
				Stats ratio = Stats.of(ratios);
				boolean goal = subject.pages() == 1;
				this.bench.rows.add(new Row("5 Signing", "signatures/s, " + subject.name(), "1",
						Stats.of(motcua.stream().map(Result::perSecond).toList()), RAW,
						Stats.of(raw.stream().map(Result::perSecond).toList()), ratio, goal ? "≥ 0.5×" : "",
						goal ? ratio.median() >= 0.5 : null));
			}
			this.bench.notes.add(String.format(Locale.ROOT,
					"Signing (workload 5), not a row: the same 1-page decision signed B-B without the visible block "
							+ "and without certification (SignRequest.baselineB) ran at %.1f signatures/s next to "
							+ "%.0f raw RSA signatures/s (%.2f×), in one slice each after the rounds.",
					bare.perSecond(), rawAfter.perSecond(), bare.perSecond() / rawAfter.perSecond()));
			for (Map.Entry<String, List<Result>> entry : results.entrySet()) {
				long errors = entry.getValue().stream().mapToLong(Result::errors).sum();
				if (errors > 0) {
					this.bench.notes.add("Signing (workload 5): " + entry.getKey() + ": " + errors
							+ " failed signatures over the rounds, first: "
							+ entry.getValue()
								.stream()
								.map(Result::firstError)
								.filter((e) -> e != null)
								.findFirst()
								.orElse(""));
				}
			}
			Map<String, Object> rawSigning = new LinkedHashMap<>();
			rawSigning.put("documents", samples);
			rawSigning.put("rounds", results);
			rawSigning.put("tsaRoundTripMillisMedian", tsaMillis);
			rawSigning.put("tsaRequests", tsa.requests());
			this.bench.raw.put("signing", rawSigning);
			this.bench.notes.add("Signing (workload 5): Motcua's signing library (PdfSigner.sign with a software "
					+ "RSA-2048 key and a CA chain made at start) on generated decisions of 1 page ("
					+ pdfs.get(1).length / 1024 + " KiB) and 50 pages (" + pdfs.get(50).length / 1024
					+ " KiB, DejaVu Sans embedded), signed as ResultSigning signs a result: visible block on page 1, "
					+ "certification (DocMDP 2). B-T includes a loopback HTTP round trip to an RFC 3161 timestamp "
					+ "authority in this JVM (JDK HttpServer and Bouncy Castle's TimeStampResponseGenerator), "
					+ "whose own RSA-2048 signature runs on the same cores; the server sets TCP_NODELAY (JDK HttpServer's "
					+ "default would add Nagle's 40 ms delayed-ACK stall to every timestamp); a bare timestamp request "
					+ "through java.net.http took " + String.format(Locale.ROOT, "%.1f ms", tsaMillis)
					+ " (median of 50). The peer signs 32 bytes with "
					+ "SHA256withRSA, the same key, the same JCA provider, for "
					+ String.format(Locale.ROOT, "%.0f s", peerSeconds) + " of each round (the others "
					+ String.format(Locale.ROOT, "%.0f s", this.bench.seconds) + "). One client thread.");
		}
	}

	private static String label(SignatureLevel level) {
		return (level == SignatureLevel.PADES_BASELINE_B) ? "B-B" : "B-T";
	}

	private static SignRequest request(byte[] pdf, SignatureLevel level, String tsaUrl, byte[] signatureImage) {
		SignatureAppearance appearance = SignatureAppearance.signature(1, BLOCK_X, BLOCK_Y, BLOCK_WIDTH, BLOCK_HEIGHT,
				TITLE, SIGNER, signatureImage);
		return new SignRequest(pdf, level, "Phê duyệt kết quả hồ sơ HKD-01-BENCH", "UBND xã Tân Phú", SIGNER,
				appearance, true, (level == SignatureLevel.PADES_BASELINE_B) ? null : tsaUrl);
	}

	private static Result measure(Subject subject, double seconds) {
		long count = 0;
		long errors = 0;
		String firstError = null;
		long start = System.nanoTime();
		long deadline = start + (long) (seconds * 1e9);
		long now = start;
		while (now < deadline) {
			try {
				subject.operation().run();
				count++;
			}
			catch (Exception ex) {
				errors++;
				if (firstError == null) {
					firstError = ex.toString();
				}
			}
			now = System.nanoTime();
		}
		return new Result(count, (now - start) / 1e9, errors, firstError);
	}

	/**
	 * A decision of the People's Committee with {@code pages} pages of text, in DejaVu
	 * Sans (embedded, subset) as Motcua's own letters are.
	 */
	static byte[] decision(int pages) throws IOException {
		try (PDDocument document = new PDDocument();
				InputStream font = Signing.class.getClassLoader()
					.getResourceAsStream("io/motcua/signing/fonts/DejaVuSans.ttf")) {
			if (font == null) {
				throw new IllegalStateException("DejaVu Sans is missing from the classpath (motcua-signing)");
			}
			PDFont regular = PDType0Font.load(document, font);
			String[] body = { "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
					"Căn cứ Nghị định số 168/2025/NĐ-CP về đăng ký doanh nghiệp và hộ kinh doanh;",
					"Xét đề nghị của Phòng Kinh tế và hồ sơ của ông Nguyễn Văn An,",
					"Điều 1. Chấp thuận đăng ký thành lập hộ kinh doanh Cửa hàng tạp hóa Hoa Sen,",
					"địa chỉ 15 Cách Mạng Tháng Tám, phường Trấn Biên, tỉnh Đồng Nai; vốn 50.000.000 đồng.",
					"Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Các cơ quan, đơn vị liên quan",
					"và ông Nguyễn Văn An chịu trách nhiệm thi hành Quyết định này." };
			for (int p = 1; p <= pages; p++) {
				PDPage page = new PDPage(PDRectangle.A4);
				document.addPage(page);
				try (PDPageContentStream content = new PDPageContentStream(document, page)) {
					content.beginText();
					content.setFont(regular, 13);
					content.newLineAtOffset(60, 780);
					content.showText("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ — QUYẾT ĐỊNH SỐ 123/QĐ-UBND");
					content.setFont(regular, 11);
					content.setLeading(16);
					content.newLine();
					content.newLine();
					// The lower part of page 1 stays free for the signature block
					int lines = (p == 1) ? 24 : 42;
					for (int i = 0; i < lines; i++) {
						content.showText(body[i % body.length]);
						content.newLine();
					}
					content.showText("Trang " + p + "/" + pages);
					content.endText();
				}
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.save(out);
			return out.toByteArray();
		}
	}

	/** A blue signature stroke on a transparent background, as the demo keys have. */
	private static byte[] signatureImage() throws IOException {
		BufferedImage image = new BufferedImage(300, 120, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setColor(new Color(0, 51, 170));
		g.setStroke(new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		g.draw(new CubicCurve2D.Float(20, 80, 70, 10, 110, 115, 150, 50));
		g.draw(new CubicCurve2D.Float(150, 50, 190, 20, 220, 100, 280, 50));
		g.draw(new CubicCurve2D.Float(40, 95, 120, 85, 200, 100, 270, 88));
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

	@FunctionalInterface
	private interface Operation {

		void run() throws Exception;

	}

	private record Subject(String name, int pages, SignatureLevel level, Operation operation) {
	}

	/**
	 * One round of one subject.
	 *
	 * @param signatures signatures made
	 * @param seconds wall time
	 * @param errors signatures that failed
	 * @param firstError the first failure, null without
	 */
	record Result(long signatures, double seconds, long errors, String firstError) {

		double perSecond() {
			return this.signatures / this.seconds;
		}

	}

	/**
	 * A root CA, an approver and a timestamp authority, RSA-2048, made at start (as the
	 * signing library's tests make theirs).
	 */
	private static final class Pki {

		final KeyPair rootKeys = rsa();

		final X509Certificate root;

		final SigningKey signer;

		final KeyPair tsaKeys = rsa();

		final X509Certificate tsa;

		private final AtomicLong serials = new AtomicLong(1);

		Pki() throws Exception {
			Instant now = Instant.now();
			this.root = certificate("CN=Motcua Bench Root CA,O=Motcua Bench,C=VN", this.rootKeys.getPublic(), null, now,
					new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign), null, true);
			KeyPair signerKeys = rsa();
			X509Certificate signerCertificate = certificate("CN=" + SIGNER + ",OU=UBND xã Tân Phú,O=Motcua Bench,C=VN",
					signerKeys.getPublic(), this.root, now,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null, false);
			this.signer = SigningKey.of(signerKeys.getPrivate(), List.of(signerCertificate, this.root));
			this.tsa = certificate("CN=Motcua Bench TSA,O=Motcua Bench,C=VN", this.tsaKeys.getPublic(), this.root, now,
					new KeyUsage(KeyUsage.digitalSignature), KeyPurposeId.id_kp_timeStamping, false);
		}

		private X509Certificate certificate(String subject, PublicKey key, X509Certificate issuer, Instant now,
				KeyUsage keyUsage, KeyPurposeId purpose, boolean ca) throws Exception {
			X500Name issuerName = (issuer != null) ? X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded())
					: new X500Name(subject);
			PrivateKey issuerKey = this.rootKeys.getPrivate();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
					BigInteger.valueOf(this.serials.incrementAndGet()), Date.from(now.minus(Duration.ofDays(30))),
					Date.from(now.plus(Duration.ofDays(700))), new X500Name(subject), key);
			builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
			builder.addExtension(Extension.keyUsage, true, keyUsage);
			if (purpose != null) {
				// RFC 3161: the TSA's certificate has this one purpose, marked critical
				builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
			}
			return new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
		}

		private static KeyPair rsa() {
			try {
				KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
				return generator.generateKeyPair();
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * A minimal RFC 3161 timestamp authority on 127.0.0.1 ({@code POST /tsa}), answering
	 * with Bouncy Castle's response generator.
	 */
	private static final class LocalTsa implements AutoCloseable {

		private static final String NODELAY = "sun.net.httpserver.nodelay";

		private final HttpServer server;

		private final TimeStampResponseGenerator responses;

		private final AtomicLong serials = new AtomicLong();

		LocalTsa(Pki pki) throws Exception {
			TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
					new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", pki.tsaKeys.getPrivate(), pki.tsa),
					new JcaDigestCalculatorProviderBuilder().build()
						.get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
					new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.5"));
			tokens.addCertificates(new JcaCertStore(List.of(pki.tsa, pki.root)));
			this.responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
			// Without TCP_NODELAY the JDK server sends the response headers and
			// body in two writes, and Nagle's algorithm with the client's delayed
			// ACK holds the body 40 ms: a cost of this stand-in, not of a TSA.
			if (System.getProperty(NODELAY) == null) {
				System.setProperty(NODELAY, "true");
			}
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			this.server.createContext("/tsa", this::timestamp);
			this.server.start();
		}

		String url() {
			return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/tsa";
		}

		long requests() {
			return this.serials.get();
		}

		/** Median milliseconds of a bare timestamp request, as the signer sends it. */
		double roundTripMillis(int samples) throws Exception {
			HttpClient http = HttpClient.newHttpClient();
			TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
			generator.setCertReq(true);
			List<Double> millis = new ArrayList<>();
			for (int i = 0; i < samples; i++) {
				byte[] request = generator
					.generate(NISTObjectIdentifiers.id_sha256, new byte[32], BigInteger.valueOf(i + 1))
					.getEncoded();
				long start = System.nanoTime();
				HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url()))
					.header("Content-Type", "application/timestamp-query")
					.POST(HttpRequest.BodyPublishers.ofByteArray(request))
					.build(), HttpResponse.BodyHandlers.ofByteArray());
				millis.add((System.nanoTime() - start) / 1e6);
				if (response.statusCode() != 200) {
					throw new IllegalStateException("The local TSA answered HTTP " + response.statusCode());
				}
			}
			return Stats.of(millis).median();
		}

		private void timestamp(HttpExchange exchange) throws IOException {
			try {
				byte[] body;
				try {
					TimeStampRequest request = new TimeStampRequest(
							new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()));
					// The handler runs on the server's one dispatcher thread: the
					// generator is never used concurrently
					body = this.responses
						.generate(request, BigInteger.valueOf(this.serials.incrementAndGet()), new Date())
						.getEncoded();
				}
				catch (IOException | RuntimeException | TSPException ex) {
					exchange.sendResponseHeaders(500, -1);
					return;
				}
				exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
			finally {
				exchange.close();
			}
		}

		@Override
		public void close() {
			this.server.stop(0);
		}

	}

}
