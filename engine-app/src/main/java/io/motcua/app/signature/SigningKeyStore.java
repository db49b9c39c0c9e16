package io.motcua.app.signature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import io.motcua.app.system.ProblemException;
import io.motcua.signing.SigningException;
import io.motcua.signing.SigningKey;

/**
 * The approvers' and units' signing keys, as PKCS#12 files under the key store folder. On
 * the demo profile a missing key is issued from a demo certificate authority (created on
 * first use, its certificate written to {@code trust/} as the trust anchor); otherwise a
 * missing key is a clear error for the operator.
 */
@Component
class SigningKeyStore {

	private static final Logger log = LoggerFactory.getLogger(SigningKeyStore.class);

	private static final String DEMO_CA = "demo-ca";

	private static final Instant DEMO_NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");

	private final SignatureProperties properties;

	private final Clock clock;

	private final Map<Path, LoadedKey> loaded = new ConcurrentHashMap<>();

	private TrustAnchors anchors;

	SigningKeyStore(SignatureProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/** The signing key of an approver. */
	SigningKey staffKey(String username, String fullName, String unitName) {
		return load(this.properties.keyStoreDir().resolve("staff").resolve(username + ".p12"), fullName, unitName,
				false);
	}

	/**
	 * The certificate of an approver's server-held key when an administrator installed
	 * one (or the demo issued one); never issues a key.
	 */
	Optional<X509Certificate> installedStaffCertificate(String username) {
		Path file = this.properties.keyStoreDir().resolve("staff").resolve(username + ".p12");
		if (!Files.exists(file)) {
			return Optional.empty();
		}
		return Optional.of(load(file, username, username, false).certificate());
	}

	/** The organisation seal of a unit. */
	SigningKey sealKey(String unitCode, String unitName) {
		return load(this.properties.keyStoreDir().resolve("seals").resolve(unitCode + ".p12"), unitName, unitName,
				true);
	}

	/**
	 * The trust anchors: every PEM certificate in {@code trust/}. Read again only when a
	 * file there is added, replaced or removed (verification asks for them every time).
	 */
	synchronized List<X509Certificate> trustAnchors() {
		Path trust = this.properties.keyStoreDir().resolve("trust");
		if (this.properties.demoKeys()) {
			createDemoAuthorityIfMissing();
		}
		if (!Files.isDirectory(trust)) {
			return List.of();
		}
		try (var files = Files.list(trust)) {
			List<Path> pems = files.filter((f) -> f.toString().endsWith(".pem")).sorted().toList();
			List<String> stamp = new ArrayList<>();
			for (Path file : pems) {
				stamp.add(file.getFileName() + "@" + Files.getLastModifiedTime(file));
			}
			if (this.anchors != null && this.anchors.stamp().equals(stamp)) {
				return this.anchors.certificates();
			}
			List<X509Certificate> anchors = new ArrayList<>();
			for (Path file : pems) {
				try (InputStream in = Files.newInputStream(file)) {
					anchors.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
				}
			}
			this.anchors = new TrustAnchors(stamp, List.copyOf(anchors));
			return this.anchors.certificates();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot read the trust anchors in " + trust + ": " + ex.getMessage(), ex);
		}
	}

	/** The trust anchors as last read, and the files they were read from. */
	private record TrustAnchors(List<String> stamp, List<X509Certificate> certificates) {
	}

	private SigningKey load(Path file, String commonName, String organisation, boolean seal) {
		char[] password = this.properties.keyStorePassword().toCharArray();
		if (!Files.exists(file)) {
			synchronized (this) {
				if (!Files.exists(file)) {
					if (!this.properties.demoKeys()) {
						throw ProblemException.conflict("No signing key at " + file
								+ "; an administrator must install a PKCS#12 key store there before anyone signs");
					}
					issueDemoKey(file, commonName, organisation, seal, password);
				}
			}
		}
		try {
			// Opening a PKCS#12 store derives its key from the password (thousands of
			// hash rounds): keep what was read while the file stays the same, and read
			// again when an administrator replaces it
			FileTime modified = Files.getLastModifiedTime(file);
			LoadedKey loaded = this.loaded.get(file);
			if (loaded != null && loaded.modified().equals(modified)) {
				return loaded.key();
			}
			try (InputStream in = Files.newInputStream(file)) {
				SigningKey key = SigningKey.fromPkcs12(in, password, null);
				this.loaded.put(file, new LoadedKey(modified, key));
				return key;
			}
		}
		catch (IOException | SigningException ex) {
			// Named by its file: the operator replaces that file
			throw new IllegalStateException("Cannot read the signing key " + file + ": " + ex.getMessage(), ex);
		}
	}

	private record LoadedKey(FileTime modified, SigningKey key) {
	}

	private void issueDemoKey(Path file, String commonName, String organisation, boolean seal, char[] password) {
		try {
			KeyStore authority = demoAuthority();
			PrivateKey caKey = (PrivateKey) authority.getKey(DEMO_CA, password);
			X509Certificate caCertificate = (X509Certificate) authority.getCertificate(DEMO_CA);
			KeyPair pair = rsa();
			X509Certificate certificate = certificate(name(commonName, organisation), pair, caCertificate, caKey, false,
					seal);
			store(file, pair.getPrivate(), new X509Certificate[] { certificate, caCertificate }, password);
			log.info("Issued a demo {} key for '{}' at {}", seal ? "seal" : "signing", commonName, file);
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot issue a demo key at " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** The demo certificate authority's key store, created first if missing. */
	private synchronized KeyStore demoAuthority() {
		Path file = createDemoAuthorityIfMissing();
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(file)) {
				store.load(in, this.properties.keyStorePassword().toCharArray());
			}
			return store;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot read the demo certificate authority at " + file, ex);
		}
	}

	private synchronized Path createDemoAuthorityIfMissing() {
		Path file = this.properties.keyStoreDir().resolve(DEMO_CA + ".p12");
		if (Files.exists(file)) {
			return file;
		}
		char[] password = this.properties.keyStorePassword().toCharArray();
		try {
			KeyPair pair = rsa();
			X500Name name = name("Motcua Demo Root CA", "Motcua");
			X509Certificate certificate = certificate(name, pair, null, pair.getPrivate(), true, false);
			store(file, pair.getPrivate(), new X509Certificate[] { certificate }, password);
			Path trust = this.properties.keyStoreDir().resolve("trust");
			Files.createDirectories(trust);
			StringWriter pem = new StringWriter();
			try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
				writer.writeObject(certificate);
			}
			Files.writeString(trust.resolve(DEMO_CA + ".pem"), pem.toString());
			log.info("Created the demo certificate authority at {}; its certificate is the trust anchor", file);
			return file;
		}
		catch (GeneralSecurityException | IOException | OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create the demo certificate authority at " + file, ex);
		}
	}

	private X509Certificate certificate(X500Name subject, KeyPair pair, X509Certificate issuer, PrivateKey issuerKey,
			boolean authority, boolean seal) throws GeneralSecurityException, IOException, OperatorCreationException {
		Instant now = this.clock.instant();
		X500Name issuerName = (issuer != null) ? X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded())
				: subject;
		// Demo certificates are valid from 2020 on, so that tests may move the clock into
		// the past.
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
				new BigInteger(64, new SecureRandom()), Date.from(DEMO_NOT_BEFORE),
				Date.from(now.plus(Duration.ofDays(authority ? 3650 : 1825))), subject, pair.getPublic());
		JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
		builder.addExtension(Extension.keyUsage, true, authority ? new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)
				: new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
		builder.addExtension(Extension.subjectKeyIdentifier, false,
				extensions.createSubjectKeyIdentifier(pair.getPublic()));
		if (issuer != null) {
			builder.addExtension(Extension.authorityKeyIdentifier, false,
					extensions.createAuthorityKeyIdentifier(issuer));
		}
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
	}

	private static X500Name name(String commonName, String organisation) {
		return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName)
			.addRDN(BCStyle.O, organisation)
			.addRDN(BCStyle.C, "VN")
			.build();
	}

	private static KeyPair rsa() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(2048);
		return generator.generateKeyPair();
	}

	private static void store(Path file, PrivateKey key, X509Certificate[] chain, char[] password)
			throws GeneralSecurityException, IOException {
		Files.createDirectories(file.getParent());
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry(file.getFileName().toString().replace(".p12", ""), key, password, chain);
		Path temporary = Files.createTempFile(file.getParent(), "key", ".tmp");
		try (OutputStream out = Files.newOutputStream(temporary)) {
			store.store(out, password);
		}
		Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
	}

}
