package io.motcua.signing;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.Collection;

/**
 * Small certificate checks shared by signer and verifier.
 */
final class Certificates {

	private Certificates() {
	}

	static boolean isSelfSigned(X509Certificate certificate) {
		if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
			return false;
		}
		try {
			certificate.verify(certificate.getPublicKey());
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * The certificate among {@code candidates} whose key signed {@code certificate}, or
	 * {@code null}.
	 */
	static X509Certificate issuerOf(X509Certificate certificate, Collection<X509Certificate> candidates) {
		for (X509Certificate candidate : candidates) {
			if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
				try {
					certificate.verify(candidate.getPublicKey());
					return candidate;
				}
				catch (GeneralSecurityException ex) {
					// same name, other key: keep looking
				}
			}
		}
		return null;
	}

}
