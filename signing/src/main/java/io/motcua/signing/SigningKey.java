package io.motcua.signing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A private key and its certificate chain (signer certificate first, then the issuing
 * CAs).
 * <p>
 * The key may be a software key (PKCS#12) or a handle to a key in a PKCS#11 token or HSM;
 * it is only ever used through {@link java.security.Signature}.
 */
public final class SigningKey {

	private final PrivateKey privateKey;

	private final List<X509Certificate> chain;

	private final Provider provider;

	private SigningKey(PrivateKey privateKey, List<X509Certificate> chain, Provider provider) {
		this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
		if (chain == null || chain.isEmpty()) {
			throw new SigningException("The certificate chain of a signing key must not be empty");
		}
		this.chain = List.copyOf(chain);
		this.provider = provider;
	}

	/**
	 * Creates a signing key from a key and its chain.
	 * @param privateKey the private key, not {@code null}
	 * @param chain the signer certificate first, then its issuers; not {@code null} or
	 * empty
	 * @return the signing key
	 * @throws SigningException if the chain is empty
	 */
	public static SigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
		return new SigningKey(privateKey, chain, null);
	}

	/**
	 * Loads a key and its chain from a PKCS#12 (.p12/.pfx) key store.
	 * @param pkcs12 the key store content, not {@code null}; not closed by this method
	 * @param password the store and key password, not {@code null}
	 * @param aliasOrNull the entry to use, or {@code null} for the first entry holding a
	 * private key
	 * @return the signing key
	 * @throws SigningException if the store cannot be read, the password is wrong or no
	 * such key entry exists
	 */
	public static SigningKey fromPkcs12(InputStream pkcs12, char[] password, String aliasOrNull) {
		Objects.requireNonNull(pkcs12, "pkcs12");
		Objects.requireNonNull(password, "password");
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(pkcs12, password);
			return fromKeyStore(store, password, aliasOrNull, null);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new SigningException("Cannot read the PKCS#12 key store: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Loads a key from a PKCS#11 token (USB token, smart card or HSM) through the JDK's
	 * SunPKCS11 provider.
	 * <p>
	 * The configuration file is a SunPKCS11 configuration (at least {@code name} and
	 * {@code library}, the path of the vendor's PKCS#11 module, for example
	 * {@code /usr/lib/libeToken.so}); see the JDK PKCS#11 reference guide. The provider
	 * is created per call and not registered globally. The private key never leaves the
	 * token: signing goes through the provider. Not covered by the automated tests (no
	 * token on build machines).
	 * @param sunPkcs11Config path of the SunPKCS11 configuration file, not {@code null}
	 * @param pin the user PIN of the token, not {@code null}
	 * @param aliasOrNull the key entry to use, or {@code null} for the first entry
	 * holding a private key
	 * @return the signing key
	 * @throws SigningException if the configuration is missing, the module cannot be
	 * loaded, the PIN is wrong or no such key entry exists
	 */
	public static SigningKey fromPkcs11(Path sunPkcs11Config, char[] pin, String aliasOrNull) {
		Objects.requireNonNull(sunPkcs11Config, "sunPkcs11Config");
		Objects.requireNonNull(pin, "pin");
		if (!Files.isReadable(sunPkcs11Config)) {
			throw new SigningException("SunPKCS11 configuration not readable: " + sunPkcs11Config);
		}
		try {
			Provider base = Security.getProvider("SunPKCS11");
			if (base == null) {
				throw new SigningException("The SunPKCS11 provider is not available in this JVM");
			}
			Provider provider = base.configure(sunPkcs11Config.toString());
			KeyStore store = KeyStore.getInstance("PKCS11", provider);
			store.load(null, pin);
			return fromKeyStore(store, pin, aliasOrNull, provider);
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			if (ex instanceof SigningException signingException) {
				throw signingException;
			}
			throw new SigningException("Cannot open the PKCS#11 token: " + ex.getMessage(), ex);
		}
	}

	private static SigningKey fromKeyStore(KeyStore store, char[] password, String alias, Provider provider)
			throws GeneralSecurityException {
		List<String> aliases = (alias != null) ? List.of(alias) : Collections.list(store.aliases());
		for (String candidate : aliases) {
			if (!store.isKeyEntry(candidate)) {
				continue;
			}
			Key key = store.getKey(candidate, password);
			Certificate[] certificates = store.getCertificateChain(candidate);
			if (key instanceof PrivateKey privateKey && certificates != null && certificates.length > 0) {
				List<X509Certificate> chain = new ArrayList<>();
				for (Certificate certificate : certificates) {
					chain.add((X509Certificate) certificate);
				}
				return new SigningKey(privateKey, chain, provider);
			}
		}
		throw new SigningException(
				(alias != null) ? "No private key entry '" + alias + "'" : "The key store holds no private key");
	}

	/**
	 * Returns the private key.
	 * @return the private key, never {@code null}
	 */
	public PrivateKey privateKey() {
		return this.privateKey;
	}

	/**
	 * Returns the certificate chain.
	 * @return the signer certificate first, then its issuers; unmodifiable, never empty
	 */
	public List<X509Certificate> chain() {
		return this.chain;
	}

	/**
	 * Returns the signer certificate.
	 * @return the first certificate of the chain, never {@code null}
	 */
	public X509Certificate certificate() {
		return this.chain.get(0);
	}

	/**
	 * Returns the provider that holds the key (PKCS#11), if any.
	 * @return the provider, or {@code null} for software keys (default providers are
	 * used)
	 */
	Provider provider() {
		return this.provider;
	}

	@Override
	public String toString() {
		return "SigningKey[" + certificate().getSubjectX500Principal().getName() + "]";
	}

}
