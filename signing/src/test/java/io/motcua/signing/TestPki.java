package io.motcua.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.oiw.OIWObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test PKI made at test time: root CA, intermediate CA, approver, seal, revoked,
 * expired and not yet valid signers, a timestamp authority, and an unrelated root; plus
 * an HTTP server on 127.0.0.1 that answers RFC 3161 requests ({@code /tsa}) and serves
 * the CRLs ({@code /crl/root}, {@code /crl/intermediate}). Created once per test run and
 * closed at its end (JUnit root store).
 */
final class TestPki implements ExtensionContext.Store.CloseableResource {

	private static TestPki instance;

	final HttpServer server;

	final String baseUrl;

	final KeyPair rootKeys = rsa();

	final X509Certificate root;

	final KeyPair intermediateKeys = rsa();

	final X509Certificate intermediate;

	final SigningKey approver;

	final SigningKey seal;

	final SigningKey revoked;

	final SigningKey expired;

	/** A signer whose certificate becomes valid in a month. */
	final SigningKey notYetValid;

	/** An ECDSA P-256 signer. */
	final SigningKey ecdsa;

	/** A signer whose certificate names an OCSP responder instead of a CRL. */
	final SigningKey ocspChecked;

	final KeyPair tsaKeys = rsa();

	final X509Certificate tsa;

	final X509Certificate otherRoot;

	final byte[] rootCrl;

	final byte[] intermediateCrl;

	private final AtomicLong serials = new AtomicLong(1000);

	private final AtomicLong tsaRequests = new AtomicLong();

	private TestPki() throws Exception {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort();
		Instant now = Instant.now();
		Instant yearsAgo = now.minus(Duration.ofDays(3650));
		Instant yearsAhead = now.plus(Duration.ofDays(3650));
		this.root = ca("CN=Motcua Test Root CA,O=Motcua Test,C=VN", this.rootKeys.getPublic(), null, this.rootKeys,
				yearsAgo, yearsAhead, null);
		this.intermediate = ca("CN=Motcua Test Issuing CA,O=Motcua Test,C=VN", this.intermediateKeys.getPublic(),
				this.root, this.rootKeys, yearsAgo, yearsAhead, this.baseUrl + "/crl/root");
		this.approver = endEntity("CN=Nguyễn Văn An,OU=UBND xã Tân Phú,O=Motcua Test,C=VN",
				now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(700)), KeyPurposeId.anyExtendedKeyUsage);
		this.seal = endEntity("CN=UBND xã Tân Phú,O=Motcua Test,C=VN", now.minus(Duration.ofDays(30)),
				now.plus(Duration.ofDays(700)), KeyPurposeId.anyExtendedKeyUsage);
		this.revoked = endEntity("CN=Trần Thị Thu Hồi,O=Motcua Test,C=VN", now.minus(Duration.ofDays(30)),
				now.plus(Duration.ofDays(700)), KeyPurposeId.anyExtendedKeyUsage);
		this.expired = endEntity("CN=Lê Văn Hết Hạn,O=Motcua Test,C=VN", now.minus(Duration.ofDays(730)),
				now.minus(Duration.ofDays(365)), KeyPurposeId.anyExtendedKeyUsage);
		this.notYetValid = endEntity("CN=Đỗ Thị Chưa Hiệu Lực,O=Motcua Test,C=VN", now.plus(Duration.ofDays(30)),
				now.plus(Duration.ofDays(700)), KeyPurposeId.anyExtendedKeyUsage);
		KeyPair ecKeys = ec();
		this.ecdsa = SigningKey.of(ecKeys.getPrivate(),
				List.of(certificate("CN=Phạm Thị Ê,O=Motcua Test,C=VN", ecKeys.getPublic(), this.intermediate,
						this.intermediateKeys.getPrivate(), now.minus(Duration.ofDays(30)),
						now.plus(Duration.ofDays(700)), false,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), null,
						this.baseUrl + "/crl/intermediate"), this.intermediate, this.root));
		KeyPair ocspKeys = rsa();
		X509Certificate ocspCertificate = new JcaX509CertificateConverter()
			.getCertificate(new JcaX509v3CertificateBuilder(
					X500Name.getInstance(this.intermediate.getSubjectX500Principal().getEncoded()),
					BigInteger.valueOf(this.serials.incrementAndGet()), Date.from(now.minus(Duration.ofDays(30))),
					Date.from(now.plus(Duration.ofDays(700))), new X500Name("CN=Võ Văn Ô,O=Motcua Test,C=VN"),
					ocspKeys.getPublic())
				.addExtension(Extension.keyUsage, true,
						new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
				.addExtension(Extension.authorityInfoAccess, false,
						new AuthorityInformationAccess(AccessDescription.id_ad_ocsp,
								new GeneralName(GeneralName.uniformResourceIdentifier, this.baseUrl + "/ocsp")))
				.build(new JcaContentSignerBuilder("SHA256withRSA").build(this.intermediateKeys.getPrivate())));
		this.ocspChecked = SigningKey.of(ocspKeys.getPrivate(), List.of(ocspCertificate, this.intermediate, this.root));
		this.tsa = certificate("CN=Motcua Test TSA,O=Motcua Test,C=VN", this.tsaKeys.getPublic(), this.intermediate,
				this.intermediateKeys.getPrivate(), now.minus(Duration.ofDays(30)), now.plus(Duration.ofDays(700)),
				false, new KeyUsage(KeyUsage.digitalSignature), KeyPurposeId.id_kp_timeStamping,
				this.baseUrl + "/crl/intermediate");
		KeyPair otherKeys = rsa();
		this.otherRoot = ca("CN=Unrelated Root CA,O=Elsewhere,C=VN", otherKeys.getPublic(), null, otherKeys, yearsAgo,
				yearsAhead, null);
		this.rootCrl = crl(this.root, this.rootKeys.getPrivate(), null, now);
		this.intermediateCrl = crl(this.intermediate, this.intermediateKeys.getPrivate(), this.revoked.certificate(),
				now.minus(Duration.ofDays(1)));
		this.server.createContext("/crl/root", (exchange) -> respond(exchange, "application/pkix-crl", this.rootCrl));
		this.server.createContext("/crl/intermediate",
				(exchange) -> respond(exchange, "application/pkix-crl", this.intermediateCrl));
		this.server.createContext("/tsa", this::timestamp);
		this.server.createContext("/ocsp", this::ocsp);
		this.server.start();
	}

	/** The PKI, created on first use and closed when the test run ends. */
	static synchronized TestPki get() {
		if (instance == null) {
			try {
				instance = new TestPki();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot create the test PKI", ex);
			}
		}
		return instance;
	}

	String tsaUrl() {
		return this.baseUrl + "/tsa";
	}

	long tsaRequests() {
		return this.tsaRequests.get();
	}

	List<X509Certificate> trustAnchors() {
		return List.of(this.root);
	}

	/** A PKCS#12 key store holding the approver's key and chain. */
	byte[] approverPkcs12(char[] password) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("approver", this.approver.privateKey(), password,
				this.approver.chain().toArray(new Certificate[0]));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		store.store(out, password);
		return out.toByteArray();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private SigningKey endEntity(String subject, Instant notBefore, Instant notAfter, KeyPurposeId purpose)
			throws Exception {
		KeyPair keys = rsa();
		X509Certificate certificate = certificate(subject, keys.getPublic(), this.intermediate,
				this.intermediateKeys.getPrivate(), notBefore, notAfter, false,
				new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation), purpose,
				this.baseUrl + "/crl/intermediate");
		return SigningKey.of(keys.getPrivate(), List.of(certificate, this.intermediate, this.root));
	}

	private X509Certificate ca(String subject, PublicKey key, X509Certificate issuer, KeyPair issuerKeys,
			Instant notBefore, Instant notAfter, String crlUrl) throws Exception {
		return certificate(subject, key, issuer, issuerKeys.getPrivate(), notBefore, notAfter, true,
				new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign), null, crlUrl);
	}

	private X509Certificate certificate(String subject, PublicKey key, X509Certificate issuer, PrivateKey issuerKey,
			Instant notBefore, Instant notAfter, boolean ca, KeyUsage keyUsage, KeyPurposeId purpose, String crlUrl)
			throws Exception {
		X500Name issuerName = (issuer != null) ? X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded())
				: new X500Name(subject);
		JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
				BigInteger.valueOf(this.serials.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
				new X500Name(subject), key);
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
		builder.addExtension(Extension.keyUsage, true, keyUsage);
		if (purpose != null) {
			builder.addExtension(Extension.extendedKeyUsage, purpose == KeyPurposeId.id_kp_timeStamping,
					new ExtendedKeyUsage(purpose));
		}
		if (crlUrl != null) {
			GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
			builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
					new DistributionPoint[] { new DistributionPoint(new DistributionPointName(names), null, null) }));
		}
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
	}

	private static byte[] crl(X509Certificate issuer, PrivateKey key, X509Certificate revokedCertificate,
			Instant revokedAt) throws Exception {
		Instant now = Instant.now();
		X509v2CRLBuilder builder = new X509v2CRLBuilder(
				X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded()),
				Date.from(now.minus(Duration.ofHours(1))));
		builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
		if (revokedCertificate != null) {
			builder.addCRLEntry(revokedCertificate.getSerialNumber(), Date.from(revokedAt), CRLReason.keyCompromise);
		}
		return new JcaX509CRLConverter().getCRL(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key)))
			.getEncoded();
	}

	private void timestamp(HttpExchange exchange) throws IOException {
		try {
			this.tsaRequests.incrementAndGet();
			TimeStampRequest request = new TimeStampRequest(
					new ByteArrayInputStream(exchange.getRequestBody().readAllBytes()));
			TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
					new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", this.tsaKeys.getPrivate(),
							this.tsa),
					new JcaDigestCalculatorProviderBuilder().build()
						.get(new AlgorithmIdentifier(OIWObjectIdentifiers.idSHA1)),
					new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"));
			tokens.addCertificates(new JcaCertStore(List.of(this.tsa, this.intermediate)));
			TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
			byte[] body = responses.generate(request, BigInteger.valueOf(this.serials.incrementAndGet()), new Date())
				.getEncoded();
			respond(exchange, "application/timestamp-reply", body);
		}
		catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException
				| org.bouncycastle.tsp.TSPException ex) {
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		}
	}

	/**
	 * An OCSP responder for the issuing CA, signing with the CA key: "good" except for
	 * {@link #revoked}.
	 */
	private void ocsp(HttpExchange exchange) throws IOException {
		try {
			OCSPReq request = new OCSPReq(exchange.getRequestBody().readAllBytes());
			BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(
					new RespID(X500Name.getInstance(this.intermediate.getSubjectX500Principal().getEncoded())));
			for (Req single : request.getRequestList()) {
				CertificateID id = single.getCertID();
				CertificateStatus status = id.getSerialNumber().equals(this.revoked.certificate().getSerialNumber())
						? new RevokedStatus(new Date(), CRLReason.keyCompromise) : CertificateStatus.GOOD;
				builder.addResponse(id, status);
			}
			BasicOCSPResp basic = builder.build(
					new JcaContentSignerBuilder("SHA256withRSA").build(this.intermediateKeys.getPrivate()), null,
					new Date());
			respond(exchange, "application/ocsp-response",
					new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded());
		}
		catch (Exception ex) {
			exchange.sendResponseHeaders(500, -1);
			exchange.close();
		}
	}

	private static void respond(HttpExchange exchange, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static KeyPair ec() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(256);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
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

	/**
	 * Registers the PKI in JUnit's root store so that its server stops at the end of the
	 * run.
	 */
	static final class Lifecycle implements BeforeAllCallback {

		@Override
		public void beforeAll(ExtensionContext context) {
			context.getRoot()
				.getStore(ExtensionContext.Namespace.GLOBAL)
				.getOrComputeIfAbsent(TestPki.class, (key) -> TestPki.get(), TestPki.class);
		}

	}

}
