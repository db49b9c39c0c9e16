package io.motcua.app.operations;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Real faults for the incident tests: the unit's seal key store turned unreadable (the
 * seal job fails until it is mended), and a seal key whose certificate nobody trusts (the
 * result does not verify).
 */
final class Breakdowns {

	private final Path sealKey;

	private final char[] password;

	Breakdowns(Path keyStoreDir, String keyStorePassword) {
		this.sealKey = keyStoreDir.resolve("seals").resolve("TRANBIEN.p12");
		this.password = keyStorePassword.toCharArray();
	}

	/** The seal key store of TRANBIEN cannot be read any more. */
	void breakTheSealKey() {
		try {
			Files.createDirectories(this.sealKey.getParent());
			Files.writeString(this.sealKey, "not a PKCS#12 key store (test)", StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The administrator mends it: the broken file goes, and the demo authority issues a
	 * new seal key on the next seal.
	 */
	void mendTheSealKey() {
		try {
			Files.deleteIfExists(this.sealKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An administrator installs a seal key whose certificate is self-signed: the seal is
	 * applied, and the result's verification finds a signature nobody trusts. (A token
	 * like that is refused when a two-step signature starts; a seal key store is only
	 * checked when the result is verified.)
	 */
	void installAnUntrustedSealKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=Dau la (test), O=Khong ai tin, C=VN");
			Instant now = Instant.now();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
					BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic());
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setKeyEntry("seal", pair.getPrivate(), this.password, new X509Certificate[] { certificate });
			Files.createDirectories(this.sealKey.getParent());
			try (OutputStream out = Files.newOutputStream(this.sealKey)) {
				store.store(out, this.password);
			}
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
