package io.motcua.app.signature;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * A rule tying a certificate to a member of staff by its subject:
 * {@code ATTRIBUTE=template}, for example {@code UID={username}} or
 * {@code E={username}@tanphu.gov.vn}. The subject must hold that attribute with the
 * template's value, {@code {username}} and {@code {fullName}} replaced by the staff
 * member's; compared without regard to case, after Unicode normalisation. For {@code E}
 * (e-mail), an rfc822Name of the subject alternative names counts too.
 *
 * @param attribute the attribute's name as written (CN, UID, E, SERIALNUMBER, ...)
 * @param type the attribute's object identifier
 * @param template the value with its placeholders
 */
record SubjectRule(String attribute, ASN1ObjectIdentifier type, String template) {

	private static final int RFC822_NAME = 1;

	/**
	 * Reads a rule.
	 * @throws IllegalArgumentException naming what is wrong
	 */
	static SubjectRule parse(String rule) {
		int equals = rule.indexOf('=');
		if (equals <= 0 || rule.substring(equals + 1).isBlank()) {
			throw new IllegalArgumentException("motcua.signature.approver-subject-rule must read ATTRIBUTE=template, "
					+ "for example UID={username}; it is '" + rule + "'");
		}
		String attribute = rule.substring(0, equals).strip();
		ASN1ObjectIdentifier type;
		try {
			type = BCStyle.INSTANCE.attrNameToOID(attribute);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("motcua.signature.approver-subject-rule names an unknown subject "
					+ "attribute '" + attribute + "'; use CN, UID, E, SERIALNUMBER, OU, O or another X.500 name");
		}
		return new SubjectRule(attribute, type, rule.substring(equals + 1).strip());
	}

	/** The value the subject must hold for this member of staff. */
	String expected(String username, String fullName) {
		return this.template.replace("{username}", username).replace("{fullName}", fullName);
	}

	/** Whether the certificate's subject names this member of staff. */
	boolean matches(X509Certificate certificate, String username, String fullName) {
		String expected = normalise(expected(username, fullName));
		return values(certificate).stream().anyMatch((value) -> normalise(value).equals(expected));
	}

	private List<String> values(X509Certificate certificate) {
		List<String> values = new ArrayList<>();
		X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
		for (RDN rdn : subject.getRDNs()) {
			for (AttributeTypeAndValue value : rdn.getTypesAndValues()) {
				if (value.getType().equals(this.type)) {
					values.add(text(value.getValue()));
				}
			}
		}
		if (this.type.equals(PKCSObjectIdentifiers.pkcs_9_at_emailAddress)) {
			try {
				Collection<List<?>> names = certificate.getSubjectAlternativeNames();
				if (names != null) {
					for (List<?> name : names) {
						if (name.size() == 2 && Integer.valueOf(RFC822_NAME).equals(name.get(0))) {
							values.add(String.valueOf(name.get(1)));
						}
					}
				}
			}
			catch (CertificateParsingException ex) {
				// no alternative names to compare
			}
		}
		return values;
	}

	private static String text(ASN1Encodable value) {
		return (value instanceof ASN1String string) ? string.getString() : value.toString();
	}

	private static String normalise(String value) {
		return Normalizer.normalize(value.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

}
