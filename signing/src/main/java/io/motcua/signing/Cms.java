package io.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.SimpleAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * CMS (CAdES baseline) structures for PAdES, built with Bouncy Castle's generators.
 * <p>
 * The signed attributes are fixed in {@link #signedAttributes} so that the same bytes can
 * be handed to an external signer and later assembled with its signature value: the
 * generator is run twice with a {@link ContentSigner} that only records or replays.
 */
final class Cms {

	/** Bouncy Castle provider instance; never registered globally. */
	static final Provider BC = new BouncyCastleProvider();

	static final String DIGEST_ALGORITHM = "SHA-256";

	private Cms() {
	}

	static String signatureAlgorithm(X509Certificate certificate) {
		if (certificate.getPublicKey() instanceof RSAPublicKey) {
			return "SHA256withRSA";
		}
		if (certificate.getPublicKey() instanceof ECPublicKey) {
			return "SHA256withECDSA";
		}
		throw new SigningException("Unsupported key algorithm " + certificate.getPublicKey().getAlgorithm());
	}

	static byte[] sha256(byte[] data) {
		try {
			return MessageDigest.getInstance(DIGEST_ALGORITHM).digest(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Returns the DER encoding of the signed attributes for a PAdES baseline signature:
	 * content-type, message-digest and signing-certificate-v2. No signing-time attribute:
	 * PAdES keeps the claimed time in the signature dictionary's /M.
	 */
	static byte[] signedAttributes(byte[] documentDigest, List<X509Certificate> chain) {
		Recorder recorder = new Recorder(signatureAlgorithm(chain.get(0)), null);
		generate(attributeTable(documentDigest, chain.get(0)), recorder, chain);
		return recorder.recorded.toByteArray();
	}

	/**
	 * Builds the CMS SignedData (detached) around signed attributes prepared earlier and
	 * a signature value made over them.
	 */
	static CMSSignedData assemble(byte[] signedAttributesDer, byte[] signatureValue, List<X509Certificate> chain) {
		AttributeTable table = new AttributeTable(ASN1Set.getInstance(signedAttributesDer));
		Recorder replay = new Recorder(signatureAlgorithm(chain.get(0)), signatureValue);
		CMSSignedData signedData = generate(table, replay, chain);
		if (!Arrays.equals(replay.recorded.toByteArray(), signedAttributesDer)) {
			throw new SigningException("The signed attributes changed between prepare and complete");
		}
		return signedData;
	}

	static CMSSignedData addSignatureTimestamp(CMSSignedData signedData, TimeStampToken token) {
		SignerInformation signer = signedData.getSignerInfos().getSigners().iterator().next();
		ASN1EncodableVector unsigned = new ASN1EncodableVector();
		try {
			unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
					new DERSet(token.toCMSSignedData().toASN1Structure())));
		}
		catch (RuntimeException ex) {
			throw new SigningException("Cannot embed the timestamp token", ex);
		}
		SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
		return CMSSignedData.replaceSigners(signedData, new SignerInformationStore(stamped));
	}

	static byte[] der(CMSSignedData signedData) {
		try {
			return signedData.toASN1Structure().getEncoded(ASN1Encoding.DER);
		}
		catch (IOException ex) {
			throw new SigningException("Cannot encode the CMS signature", ex);
		}
	}

	private static AttributeTable attributeTable(byte[] documentDigest, X509Certificate signer) {
		try {
			ASN1EncodableVector attributes = new ASN1EncodableVector();
			attributes.add(new Attribute(CMSAttributes.contentType, new DERSet(PKCSObjectIdentifiers.data)));
			attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(documentDigest))));
			IssuerSerial issuerSerial = new IssuerSerial(
					new GeneralNames(
							new GeneralName(X500Name.getInstance(signer.getIssuerX500Principal().getEncoded()))),
					signer.getSerialNumber());
			ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
					sha256(signer.getEncoded()), issuerSerial);
			attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
					new DERSet(new SigningCertificateV2(new ESSCertIDv2[] { certId }))));
			return new AttributeTable(attributes);
		}
		catch (CertificateEncodingException ex) {
			throw new SigningException("Cannot encode the signer certificate", ex);
		}
	}

	private static CMSSignedData generate(AttributeTable signedAttributes, ContentSigner signer,
			List<X509Certificate> chain) {
		try {
			CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
			generator.addSignerInfoGenerator(
					new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
						.setSignedAttributeGenerator(new SimpleAttributeTableGenerator(signedAttributes))
						.build(signer, chain.get(0)));
			generator.addCertificates(new JcaCertStore(chain));
			return generator.generate(new CMSAbsentContent(), false);
		}
		catch (CMSException | OperatorCreationException | CertificateEncodingException ex) {
			throw new SigningException("Cannot build the CMS signature: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A content signer that records what it is asked to sign and answers with a given
	 * value (or an empty one while only recording).
	 */
	private static final class Recorder implements ContentSigner {

		private final AlgorithmIdentifier algorithm;

		private final byte[] signatureValue;

		private final ByteArrayOutputStream recorded = new ByteArrayOutputStream();

		Recorder(String signatureAlgorithm, byte[] signatureValue) {
			this.algorithm = new DefaultSignatureAlgorithmIdentifierFinder().find(signatureAlgorithm);
			this.signatureValue = signatureValue;
		}

		@Override
		public AlgorithmIdentifier getAlgorithmIdentifier() {
			return this.algorithm;
		}

		@Override
		public OutputStream getOutputStream() {
			return this.recorded;
		}

		@Override
		public byte[] getSignature() {
			return (this.signatureValue != null) ? this.signatureValue.clone() : new byte[0];
		}

	}

}
