package io.motcua.app.signature;

import java.io.InputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Keys and certificates made at test time with Bouncy Castle: authorities, and signers
 * with the validity, key usage and subject a test needs.
 */
final class TestCertificates {

	static final int SIGNING = KeyUsage.digitalSignature | KeyUsage.nonRepudiation;

	private static final AtomicLong SERIALS = new AtomicLong(System.nanoTime());

	private TestCertificates() {
	}

	/** A key and its certificate. */
	record Issued(KeyPair keys, X509Certificate certificate) {

		String base64() throws Exception {
			return Base64.getEncoder().encodeToString(this.certificate.getEncoded());
		}

	}

	/** A self-signed certificate authority. */
	static Issued authority(String subject, Instant notBefore, Instant notAfter) throws Exception {
		KeyPair keys = rsa();
		return new Issued(keys, certificate(subject, keys, null, keys.getPrivate(), notBefore, notAfter,
				KeyUsage.keyCertSign | KeyUsage.cRLSign, true, null));
	}

	/**
	 * A certificate issued by {@code issuer} (itself when null, a self-signed one);
	 * {@code keyUsage} of 0 leaves the extension out.
	 */
	static Issued issue(String subject, Issued issuer, Instant notBefore, Instant notAfter, int keyUsage)
			throws Exception {
		return issue(subject, issuer, notBefore, notAfter, keyUsage, null);
	}

	static Issued issue(String subject, Issued issuer, Instant notBefore, Instant notAfter, int keyUsage, String email)
			throws Exception {
		KeyPair keys = rsa();
		X509Certificate issuerCertificate = (issuer != null) ? issuer.certificate() : null;
		PrivateKey issuerKey = (issuer != null) ? issuer.keys().getPrivate() : keys.getPrivate();
		return new Issued(keys,
				certificate(subject, keys, issuerCertificate, issuerKey, notBefore, notAfter, keyUsage, false, email));
	}

	/**
	 * The demo certificate authority of the key store folder (the trust anchor of the
	 * embedded default), created first if missing.
	 */
	static Issued demoAuthority(SigningKeyStore keys, SignatureProperties properties) throws Exception {
		keys.trustAnchors();
		char[] password = properties.keyStorePassword().toCharArray();
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(properties.keyStoreDir().resolve("demo-ca.p12"))) {
			store.load(in, password);
		}
		X509Certificate certificate = (X509Certificate) store.getCertificate("demo-ca");
		PrivateKey key = (PrivateKey) store.getKey("demo-ca", password);
		return new Issued(new KeyPair(certificate.getPublicKey(), key), certificate);
	}

	/** Writes a certificate as PEM, for trust/. */
	static void writePem(X509Certificate certificate, Path file) throws Exception {
		StringWriter pem = new StringWriter();
		try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
			writer.writeObject(certificate);
		}
		Files.createDirectories(file.getParent());
		Files.writeString(file, pem.toString());
	}

	static KeyPair rsa() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static X509Certificate certificate(String subject, KeyPair keys, X509Certificate issuer,
			PrivateKey issuerKey, Instant notBefore, Instant notAfter, int keyUsage, boolean authority, String email)
			throws Exception {
		X500Name issuerName = (issuer != null) ? X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded())
				: new X500Name(subject);
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
				BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter),
				new X500Name(subject), keys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
		if (keyUsage != 0) {
			builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
		}
		if (email != null) {
			builder.addExtension(Extension.subjectAlternativeName, false,
					new GeneralNames(new GeneralName(GeneralName.rfc822Name, email)));
		}
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
	}

}
