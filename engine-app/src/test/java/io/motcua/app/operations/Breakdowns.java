package io.motcua.app.operations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import io.motcua.app.Api;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real faults for the incident tests: the unit's seal key store turned unreadable (the
 * seal job fails until it is mended), and an approver who signs with a token whose
 * certificate nobody trusts (the result does not verify).
 */
final class Breakdowns {

	private final Path sealKey;

	Breakdowns(Path keyStoreDir) {
		this.sealKey = keyStoreDir.resolve("seals").resolve("TRANBIEN.p12");
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
	 * The approver signs at the sign step in two steps with a token whose certificate is
	 * self-signed: the signature is sound, its certificate trusted by nobody.
	 */
	static void signWithAnUntrustedToken(Api approver, String taskId) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=Token la (test), O=Khong ai tin, C=VN");
			Instant now = Instant.now();
			JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
					BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofDays(1))),
					Date.from(now.plus(Duration.ofDays(365))), name, pair.getPublic());
			builder.addExtension(Extension.keyUsage, true,
					new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			Api.Reply session = approver.post("/api/v1/signing-sessions", Map.of("taskId", taskId, "certificateChain",
					List.of(Base64.getEncoder().encodeToString(certificate.getEncoded()))));
			assertThat(session.status()).as(session.body().toString()).isEqualTo(201);
			Signature token = Signature.getInstance(session.text("signatureAlgorithm"));
			token.initSign(pair.getPrivate());
			token.update(Base64.getDecoder().decode(session.text("dataToBeSigned")));
			Api.Reply done = approver.post("/api/v1/signing-sessions/" + session.text("id") + "/signature-value",
					Map.of("signatureValue", Base64.getEncoder().encodeToString(token.sign())));
			assertThat(done.status()).as(done.body().toString()).isEqualTo(200);
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
