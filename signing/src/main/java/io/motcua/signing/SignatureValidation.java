package io.motcua.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.DefaultCMSSignatureAlgorithmNameGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.DefaultAlgorithmNameFinder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPValidationException;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Validates one signature of a document. Collects findings, then derives the indication:
 * any proven fault is INVALID, anything unprovable is INDETERMINATE.
 */
final class SignatureValidation {

	private static final String ETSI_CADES = "ETSI.CAdES.detached";

	private static final String PKCS7_DETACHED = "adbe.pkcs7.detached";

	private final ValidationContext context;

	private final PDSignature signature;

	private final String fieldName;

	private final int docMdp;

	private final List<String> reasons = new ArrayList<>();

	private boolean invalid;

	private boolean indeterminate;

	private String signerSubject;

	private BigInteger serial;

	private Instant signingTime;

	private SignatureLevel level;

	private boolean coversWholeDocument;

	private long signedLength;

	private boolean modifiedAfterSigning;

	private boolean digestValid;

	private boolean signatureValid;

	private boolean chainTrusted;

	private boolean certificateValid;

	private SignatureReport.RevocationStatus revocation = SignatureReport.RevocationStatus.NOT_CHECKED;

	private SignatureReport.TimestampInfo timestamp;

	SignatureValidation(ValidationContext context, PDSignature signature, String fieldName, int docMdp) {
		this.context = context;
		this.signature = signature;
		this.fieldName = fieldName;
		this.docMdp = docMdp;
	}

	SignatureReport validate() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			invalid("unreadable signature: " + ex.getMessage());
		}
		Indication indication = this.invalid ? Indication.INVALID
				: this.indeterminate ? Indication.INDETERMINATE : Indication.VALID;
		return new SignatureReport(this.fieldName, this.signerSubject, this.serial, this.signingTime, this.level,
				this.coversWholeDocument, this.signedLength, this.modifiedAfterSigning, this.digestValid,
				this.signatureValid, this.chainTrusted, this.certificateValid, this.revocation, this.timestamp,
				indication, List.copyOf(this.reasons));
	}

	private void run() {
		byte[] pdf = this.context.pdf;
		int[] range = this.signature.getByteRange();
		if (range == null || range.length != 4 || range[0] != 0 || range[1] <= 0 || range[2] <= range[1] + 1
				|| range[3] < 0 || (long) range[2] + range[3] > pdf.length) {
			invalid("the byte range is malformed or points outside the file");
			return;
		}
		int end = range[2] + range[3];
		byte[] contents = checkByteRange(pdf, range, end);
		if (contents == null) {
			return;
		}
		byte[] signedContent = new byte[range[1] + range[3]];
		System.arraycopy(pdf, 0, signedContent, 0, range[1]);
		System.arraycopy(pdf, range[2], signedContent, range[1], range[3]);

		String subFilter = this.signature.getSubFilter();
		if (!ETSI_CADES.equals(subFilter) && !PKCS7_DETACHED.equals(subFilter)) {
			indeterminate("unsupported signature format " + subFilter);
			return;
		}
		CMSSignedData cms = parseCms(contents, signedContent);
		if (cms == null) {
			return;
		}
		if (cms.getSignerInfos().size() != 1) {
			invalid("the CMS holds " + cms.getSignerInfos().size() + " signers instead of one");
			return;
		}
		SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
		X509Certificate certificate = signerCertificate(cms, signer);
		if (certificate == null) {
			indeterminate("the signer certificate is not in the signature");
			return;
		}
		this.signerSubject = certificate.getSubjectX500Principal().getName();
		this.serial = certificate.getSerialNumber();

		checkDigestAndSignature(signer, certificate, signedContent);
		checkSigningCertificateAttribute(signer, certificate);
		checkTimestamp(cms, signer);
		Instant claimed = claimedTime(signer);
		boolean proven = this.timestamp != null && this.timestamp.valid();
		this.signingTime = proven ? this.timestamp.time() : claimed;
		Instant at = (this.signingTime != null) ? this.signingTime : this.context.now;
		this.level = detectLevel(subFilter);

		this.certificateValid = isValidAt(certificate, at);
		if (!this.certificateValid) {
			invalid(outsideValidity("the signer certificate", certificate, at,
					proven ? "the timestamped signing time" : "the signing time"));
		}
		else if (!proven && !isValidAt(certificate, this.context.now)) {
			indeterminate("the signer certificate expired on " + certificate.getNotAfter().toInstant()
					+ " and no timestamp proves that the signature (claimed " + at + ") is older");
		}
		Instant chainTime = this.certificateValid ? at : certificate.getNotAfter().toInstant().minusSeconds(1);
		List<X509Certificate> pool = certificates(cms);
		List<X509Certificate> path = buildPath(certificate, pool, chainTime);
		this.chainTrusted = path != null;
		if (!this.chainTrusted) {
			indeterminate(untrusted("the signer certificate", certificate, pool, chainTime));
		}
		else {
			checkRevocation(path, at, proven);
		}
		checkLaterRevisions(end);
	}

	/**
	 * Returns the decoded /Contents when the byte range is sound, else records why and
	 * returns null.
	 */
	private byte[] checkByteRange(byte[] pdf, int[] range, int end) {
		int gapStart = range[1];
		int gapEnd = range[2];
		if (pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>') {
			invalid("the byte range does not exclude exactly the /Contents string");
			return null;
		}
		if (!precededByContentsKey(pdf, gapStart)) {
			invalid("the excluded bytes are not the value of the signature's /Contents");
			return null;
		}
		int hexLength = gapEnd - gapStart - 2;
		if (hexLength % 2 != 0) {
			invalid("the /Contents hex string has an odd length");
			return null;
		}
		byte[] contents = new byte[hexLength / 2];
		for (int i = 0; i < contents.length; i++) {
			int high = Character.digit(pdf[gapStart + 1 + 2 * i], 16);
			int low = Character.digit(pdf[gapStart + 2 + 2 * i], 16);
			if (high < 0 || low < 0) {
				invalid("the excluded /Contents is not a plain hex string");
				return null;
			}
			contents[i] = (byte) ((high << 4) | low);
		}
		if (!Arrays.equals(contents, this.signature.getContents())) {
			invalid("the signature dictionary's /Contents differs from the bytes its byte range excludes "
					+ "(signature wrapping)");
			return null;
		}
		boolean lastRevision = end == pdf.length;
		if (!lastRevision && !endsWithEof(pdf, end)) {
			invalid("the byte range ends neither at the end of the file nor at the end of a revision");
			return null;
		}
		this.coversWholeDocument = lastRevision;
		this.signedLength = end;
		return contents;
	}

	private static boolean precededByContentsKey(byte[] pdf, int position) {
		int i = position - 1;
		while (i >= 0 && isWhitespace(pdf[i])) {
			i--;
		}
		byte[] key = "/Contents".getBytes(StandardCharsets.US_ASCII);
		int start = i - key.length + 1;
		return start >= 0 && Arrays.equals(Arrays.copyOfRange(pdf, start, i + 1), key);
	}

	static boolean endsWithEof(byte[] pdf, int end) {
		int i = end - 1;
		while (i >= 0 && isWhitespace(pdf[i])) {
			i--;
		}
		byte[] eof = "%%EOF".getBytes(StandardCharsets.US_ASCII);
		int start = i - eof.length + 1;
		return start >= 0 && Arrays.equals(Arrays.copyOfRange(pdf, start, i + 1), eof);
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '\f' || b == 0;
	}

	private CMSSignedData parseCms(byte[] contents, byte[] signedContent) {
		ByteArrayInputStream bytes = new ByteArrayInputStream(contents);
		try (ASN1InputStream in = new ASN1InputStream(bytes)) {
			// readObject() stops after the CMS: BC 1.85 refuses the zero padding when
			// given all of it
			ASN1Primitive object = in.readObject();
			if (object == null) {
				invalid("the signature is empty");
				return null;
			}
			int consumed = contents.length - bytes.available();
			for (int i = consumed; i < contents.length; i++) {
				if (contents[i] != 0) {
					invalid("/Contents holds data after the CMS signature (outside the signed range)");
					break;
				}
			}
			return new CMSSignedData(new CMSProcessableByteArray(signedContent), ContentInfo.getInstance(object));
		}
		catch (Exception ex) {
			invalid("the CMS signature cannot be parsed: " + ex.getMessage());
			return null;
		}
	}

	private static X509Certificate signerCertificate(CMSSignedData cms, SignerInformation signer) {
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
		if (matches.isEmpty()) {
			return null;
		}
		try {
			return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

	private void checkDigestAndSignature(SignerInformation signer, X509Certificate certificate, byte[] signedContent) {
		AttributeTable signed = signer.getSignedAttributes();
		if (signed == null || signed.get(CMSAttributes.messageDigest) == null) {
			invalid("the signature has no signed attributes or no message digest");
			return;
		}
		try {
			String digestName = new DefaultAlgorithmNameFinder()
				.getAlgorithmName(new ASN1ObjectIdentifier(signer.getDigestAlgOID()));
			byte[] actual = MessageDigest.getInstance(digestName, Cms.BC).digest(signedContent);
			byte[] claimed = ASN1OctetString
				.getInstance(signed.get(CMSAttributes.messageDigest).getAttrValues().getObjectAt(0))
				.getOctets();
			this.digestValid = MessageDigest.isEqual(actual, claimed);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			this.digestValid = false;
		}
		if (!this.digestValid) {
			invalid("the document digest does not match: the signed bytes were changed");
		}
		Boolean raw = rawSignatureCheck(signer, certificate);
		try {
			if (raw == null || (raw && this.digestValid)) {
				// Bouncy Castle's own verification: content type, algorithm protection,
				// and algorithms with parameters (RSA-PSS) that the plain check cannot
				// name. Given the key, not the certificate: with the certificate it also
				// checks the validity period against a signing-time attribute and fails
				// as if the value were wrong; the period is checked and named below
				this.signatureValid = signer.verify(
						new JcaSimpleSignerInfoVerifierBuilder().setProvider(Cms.BC).build(certificate.getPublicKey()));
			}
			else {
				this.signatureValid = raw;
			}
		}
		catch (Exception ex) {
			this.signatureValid = false;
		}
		if (!this.signatureValid) {
			invalid("the signature value does not verify with the signer certificate");
		}
	}

	/**
	 * Verifies the signature value over the signed attributes alone, so that a digest
	 * mismatch and a broken signature are told apart; {@code null} when the algorithm
	 * cannot be named.
	 */
	private static Boolean rawSignatureCheck(SignerInformation signer, X509Certificate certificate) {
		Signature verifier;
		try {
			String algorithm = new DefaultCMSSignatureAlgorithmNameGenerator().getSignatureName(
					signer.getDigestAlgorithmID(),
					new AlgorithmIdentifier(new ASN1ObjectIdentifier(signer.getEncryptionAlgOID())));
			verifier = Signature.getInstance(algorithm, Cms.BC);
			verifier.initVerify(certificate.getPublicKey());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			return null;
		}
		try {
			verifier.update(signer.getEncodedSignedAttributes());
			return verifier.verify(signer.getSignature());
		}
		catch (GeneralSecurityException | IOException | RuntimeException ex) {
			return false;
		}
	}

	private void checkSigningCertificateAttribute(SignerInformation signer, X509Certificate certificate) {
		Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
		if (attribute == null) {
			return;
		}
		try {
			SigningCertificateV2 signingCertificate = SigningCertificateV2
				.getInstance(attribute.getAttrValues().getObjectAt(0));
			ESSCertIDv2 id = signingCertificate.getCerts()[0];
			String digestName = new DefaultAlgorithmNameFinder().getAlgorithmName(id.getHashAlgorithm().getAlgorithm());
			byte[] hash = MessageDigest.getInstance(digestName, Cms.BC).digest(certificate.getEncoded());
			if (!MessageDigest.isEqual(hash, id.getCertHash())) {
				invalid("the signing-certificate attribute names another certificate");
			}
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			invalid("the signing-certificate attribute is unreadable");
		}
	}

	private void checkTimestamp(CMSSignedData cms, SignerInformation signer) {
		AttributeTable unsigned = signer.getUnsignedAttributes();
		Attribute attribute = (unsigned != null) ? unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)
				: null;
		if (attribute == null) {
			return;
		}
		TimeStampToken token;
		try {
			token = new TimeStampToken(ContentInfo.getInstance(attribute.getAttrValues().getObjectAt(0)));
		}
		catch (Exception ex) {
			invalid("the signature timestamp is unreadable");
			return;
		}
		Instant time = token.getTimeStampInfo().getGenTime().toInstant();
		boolean intact;
		try {
			String digestName = new DefaultAlgorithmNameFinder()
				.getAlgorithmName(token.getTimeStampInfo().getMessageImprintAlgOID());
			byte[] imprint = MessageDigest.getInstance(digestName, Cms.BC).digest(signer.getSignature());
			intact = MessageDigest.isEqual(imprint, token.getTimeStampInfo().getMessageImprintDigest());
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			intact = false;
		}
		if (!intact) {
			invalid("the signature timestamp was made for other data: its imprint does not match the signature value");
		}
		String tsaSubject = null;
		List<X509Certificate> tsaPath = null;
		X509Certificate tsa;
		try {
			tsa = timestampAuthority(token);
		}
		catch (GeneralSecurityException | RuntimeException ex) {
			tsa = null;
		}
		if (tsa == null) {
			indeterminate("the timestamp authority certificate is not available");
		}
		else {
			tsaSubject = tsa.getSubjectX500Principal().getName();
			if (!isValidAt(tsa, time)) {
				intact = false;
				invalid(outsideValidity("the timestamp authority certificate " + tsaSubject, tsa, time,
						"the timestamp's time"));
			}
			else if (!tokenSignedBy(token, tsa, tsaSubject)) {
				intact = false;
			}
			else {
				List<X509Certificate> pool = new ArrayList<>(certificates(cms));
				pool.addAll(certificates(token));
				tsaPath = buildPath(tsa, pool, time);
				if (tsaPath == null) {
					indeterminate(untrusted("the timestamp authority certificate", tsa, pool, time));
				}
			}
		}
		this.timestamp = new SignatureReport.TimestampInfo(time, intact && tsaPath != null, tsaSubject);
	}

	/**
	 * Checks the token's signature and its authority's extended key usage; records what
	 * failed.
	 */
	private boolean tokenSignedBy(TimeStampToken token, X509Certificate tsa, String tsaSubject) {
		try {
			token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Cms.BC).build(tsa));
			return true;
		}
		catch (TSPValidationException ex) {
			String message = String.valueOf(ex.getMessage());
			invalid(message.contains("ExtendedKeyUsage")
					? "the timestamp authority certificate " + tsaSubject
							+ " is not for timestamping (it needs a critical extended key usage of time stamping only)"
					: "the signature timestamp does not verify with " + tsaSubject + ": " + message);
			return false;
		}
		catch (Exception ex) {
			invalid("the signature timestamp token is broken: " + ex.getMessage());
			return false;
		}
	}

	private X509Certificate timestampAuthority(TimeStampToken token) throws GeneralSecurityException {
		@SuppressWarnings("unchecked")
		Collection<X509CertificateHolder> matches = token.getCertificates().getMatches(token.getSID());
		if (!matches.isEmpty()) {
			return new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
		}
		for (X509Certificate candidate : this.context.dssCertificates) {
			if (token.getSID().match(new JcaX509CertificateHolder(candidate))) {
				return candidate;
			}
		}
		return null;
	}

	/** The signing time claimed in /M or, without it, in the CMS signing-time. */
	private Instant claimedTime(SignerInformation signer) {
		Calendar signDate = this.signature.getSignDate();
		if (signDate != null) {
			return signDate.toInstant();
		}
		AttributeTable signed = signer.getSignedAttributes();
		Attribute attribute = (signed != null) ? signed.get(CMSAttributes.signingTime) : null;
		try {
			return (attribute != null)
					? Time.getInstance(attribute.getAttrValues().getObjectAt(0)).getDate().toInstant() : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Names a certificate outside its validity period at a time: expired or not yet
	 * valid, with the dates.
	 */
	static String outsideValidity(String what, X509Certificate certificate, Instant at, String atWhat) {
		Instant notBefore = certificate.getNotBefore().toInstant();
		Instant notAfter = certificate.getNotAfter().toInstant();
		String period = " (valid from " + notBefore + " to " + notAfter + ")";
		return at.isBefore(notBefore) ? what + " was not yet valid at " + atWhat + " " + at + period
				: what + " had expired at " + atWhat + " " + at + period;
	}

	/**
	 * Says why no path to a trust anchor was found: which issuer is missing, that the
	 * chain ends at an untrusted root, or which certificate of the chain was outside its
	 * validity period.
	 */
	private String untrusted(String what, X509Certificate certificate, Collection<X509Certificate> pool, Instant time) {
		if (this.context.trustAnchors.isEmpty()) {
			return what + " cannot be trusted: no trust anchor is configured";
		}
		List<X509Certificate> anchors = new ArrayList<>();
		this.context.trustAnchors.forEach((anchor) -> anchors.add(anchor.getTrustedCert()));
		List<X509Certificate> known = new ArrayList<>(pool);
		known.addAll(this.context.dssCertificates);
		List<X509Certificate> chain = new ArrayList<>();
		X509Certificate current = certificate;
		for (int depth = 0; depth < 16; depth++) {
			chain.add(current);
			X509Certificate anchor = Certificates.issuerOf(current, anchors);
			if (anchor != null) {
				chain.add(anchor);
				for (X509Certificate link : chain) {
					if (!isValidAt(link, time)) {
						return what + " does not chain to a trust anchor at " + time + ": "
								+ outsideValidity(link.getSubjectX500Principal().getName(), link, time, "that time");
					}
				}
				return what + " chains to the trust anchor " + anchor.getSubjectX500Principal().getName()
						+ ", but the path is not acceptable (basic constraints or key usage of an issuer)";
			}
			if (Certificates.isSelfSigned(current)) {
				return what + " chains to " + current.getSubjectX500Principal().getName()
						+ ", which is self-signed and not a trust anchor";
			}
			X509Certificate issuer = Certificates.issuerOf(current, known);
			if (issuer == null || chain.contains(issuer)) {
				return what + " does not chain to a trust anchor: the issuer "
						+ current.getIssuerX500Principal().getName() + " is neither trusted nor in the signature";
			}
			current = issuer;
		}
		return what + " does not chain to a trust anchor: the chain is too long";
	}

	private SignatureLevel detectLevel(String subFilter) {
		if (!ETSI_CADES.equals(subFilter)) {
			return null;
		}
		if (this.timestamp == null) {
			return SignatureLevel.PADES_BASELINE_B;
		}
		return (this.context.hasRevocationData && !this.context.dssCertificates.isEmpty())
				? SignatureLevel.PADES_BASELINE_LT : SignatureLevel.PADES_BASELINE_T;
	}

	private static boolean isValidAt(X509Certificate certificate, Instant time) {
		try {
			certificate.checkValidity(Date.from(time));
			return true;
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/** The path from the certificate to a trust anchor (anchor included), or null. */
	private List<X509Certificate> buildPath(X509Certificate certificate, Collection<X509Certificate> pool,
			Instant time) {
		if (this.context.trustAnchors.isEmpty()) {
			return null;
		}
		try {
			Set<X509Certificate> all = new LinkedHashSet<>(pool);
			all.addAll(this.context.dssCertificates);
			all.add(certificate);
			X509CertSelector target = new X509CertSelector();
			target.setCertificate(certificate);
			PKIXBuilderParameters parameters = new PKIXBuilderParameters(this.context.trustAnchors, target);
			parameters.setRevocationEnabled(false);
			parameters.setDate(Date.from(time));
			parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(all)));
			PKIXCertPathBuilderResult result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX")
				.build(parameters);
			List<X509Certificate> path = new ArrayList<>();
			result.getCertPath().getCertificates().forEach((c) -> path.add((X509Certificate) c));
			path.add(result.getTrustAnchor().getTrustedCert());
			return path;
		}
		catch (GeneralSecurityException ex) {
			return null;
		}
	}

	private static List<X509Certificate> certificates(CMSSignedData cms) {
		return convert(cms.getCertificates().getMatches(null));
	}

	private static List<X509Certificate> certificates(TimeStampToken token) {
		return convert(token.getCertificates().getMatches(null));
	}

	private static List<X509Certificate> convert(Collection<?> holders) {
		List<X509Certificate> certificates = new ArrayList<>();
		JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
		for (Object holder : holders) {
			try {
				certificates.add(converter.getCertificate((X509CertificateHolder) holder));
			}
			catch (GeneralSecurityException ex) {
				// skip unreadable certificates
			}
		}
		return certificates;
	}

	private void checkRevocation(List<X509Certificate> path, Instant at, boolean proven) {
		boolean anyData = false;
		boolean allGood = true;
		Instant revokedAt = null;
		String revokedSubject = null;
		// every certificate of the path but the trust anchor
		for (int i = 0; i < path.size() - 1; i++) {
			X509Certificate certificate = path.get(i);
			X509Certificate issuer = path.get(i + 1);
			Status status = status(certificate, issuer);
			if (status.kind == SignatureReport.RevocationStatus.NOT_CHECKED) {
				allGood = false;
				continue;
			}
			anyData = true;
			if (status.kind == SignatureReport.RevocationStatus.REVOKED) {
				if (revokedAt == null || status.revokedAt.isBefore(revokedAt)) {
					revokedAt = status.revokedAt;
					revokedSubject = certificate.getSubjectX500Principal().getName();
				}
			}
			else if (status.kind != SignatureReport.RevocationStatus.GOOD) {
				allGood = false;
			}
		}
		if (revokedAt != null) {
			this.revocation = SignatureReport.RevocationStatus.REVOKED;
			if (!revokedAt.isAfter(at)) {
				invalid(revokedSubject + " was revoked on " + revokedAt + ", at or before the signing time " + at);
			}
			else if (proven) {
				this.reasons
					.add(revokedSubject + " was revoked on " + revokedAt + ", after the timestamped signing time");
			}
			else {
				indeterminate(revokedSubject + " was revoked on " + revokedAt
						+ " and no timestamp proves the signature is older");
			}
		}
		else if (!anyData) {
			this.revocation = SignatureReport.RevocationStatus.NOT_CHECKED;
			this.reasons.add("revocation not checked: no revocation data in the document and online checking is off");
		}
		else if (allGood) {
			this.revocation = SignatureReport.RevocationStatus.GOOD;
		}
		else {
			this.revocation = SignatureReport.RevocationStatus.UNKNOWN;
			indeterminate("no usable revocation data for every certificate of the chain");
		}
	}

	private record Status(SignatureReport.RevocationStatus kind, Instant revokedAt) {
	}

	private Status status(X509Certificate certificate, X509Certificate issuer) {
		List<X509CRL> crls = new ArrayList<>(this.context.dssCrls);
		List<BasicOCSPResp> ocsps = new ArrayList<>(this.context.dssOcsps);
		Status found = statusFrom(certificate, issuer, crls, ocsps);
		if (found == null && this.context.online != null) {
			crls = this.context.online.crls(certificate, issuer);
			OCSPResp response = this.context.online.ocsp(certificate, issuer);
			ocsps = new ArrayList<>();
			try {
				if (response != null && response.getResponseObject() instanceof BasicOCSPResp basic) {
					ocsps.add(basic);
				}
			}
			catch (Exception ex) {
				// no OCSP
			}
			found = statusFrom(certificate, issuer, crls, ocsps);
			if (found == null) {
				return new Status(SignatureReport.RevocationStatus.UNKNOWN, null);
			}
		}
		return (found != null) ? found : new Status(SignatureReport.RevocationStatus.NOT_CHECKED, null);
	}

	private static Status statusFrom(X509Certificate certificate, X509Certificate issuer, List<X509CRL> crls,
			List<BasicOCSPResp> ocsps) {
		for (BasicOCSPResp ocsp : ocsps) {
			Status status = ocspStatus(certificate, issuer, ocsp);
			if (status != null) {
				return status;
			}
		}
		for (X509CRL crl : crls) {
			if (!crl.getIssuerX500Principal().equals(certificate.getIssuerX500Principal())) {
				continue;
			}
			try {
				crl.verify(issuer.getPublicKey());
			}
			catch (GeneralSecurityException ex) {
				continue;
			}
			X509CRLEntry entry = crl.getRevokedCertificate(certificate);
			return (entry != null)
					? new Status(SignatureReport.RevocationStatus.REVOKED, entry.getRevocationDate().toInstant())
					: new Status(SignatureReport.RevocationStatus.GOOD, null);
		}
		return null;
	}

	private static Status ocspStatus(X509Certificate certificate, X509Certificate issuer, BasicOCSPResp ocsp) {
		try {
			DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(Cms.BC).build();
			JcaX509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
			for (SingleResp single : ocsp.getResponses()) {
				CertificateID id = single.getCertID();
				if (!id.getSerialNumber().equals(certificate.getSerialNumber())
						|| !id.matchesIssuer(issuerHolder, digests)) {
					continue;
				}
				if (!ocspSignedBy(ocsp, issuer)) {
					return null;
				}
				CertificateStatus status = single.getCertStatus();
				if (status == CertificateStatus.GOOD) {
					return new Status(SignatureReport.RevocationStatus.GOOD, null);
				}
				if (status instanceof RevokedStatus revoked) {
					return new Status(SignatureReport.RevocationStatus.REVOKED,
							revoked.getRevocationTime().toInstant());
				}
				return new Status(SignatureReport.RevocationStatus.UNKNOWN, null);
			}
		}
		catch (Exception ex) {
			// unusable response
		}
		return null;
	}

	/**
	 * The response is signed by the issuer or by a responder the issuer delegated OCSP
	 * signing to.
	 */
	private static boolean ocspSignedBy(BasicOCSPResp ocsp, X509Certificate issuer) throws Exception {
		if (ocsp.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Cms.BC).build(issuer))) {
			return true;
		}
		for (X509CertificateHolder holder : ocsp.getCerts()) {
			X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
			List<String> usages = responder.getExtendedKeyUsage();
			if (usages == null || !usages.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
				continue;
			}
			try {
				responder.verify(issuer.getPublicKey());
			}
			catch (GeneralSecurityException ex) {
				continue;
			}
			if (ocsp.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(Cms.BC).build(responder))) {
				return true;
			}
		}
		return false;
	}

	private void checkLaterRevisions(int end) {
		if (end == this.context.pdf.length) {
			return;
		}
		try (PDDocument revision = Loader.loadPDF(Arrays.copyOf(this.context.pdf, end))) {
			List<String> differences = RevisionComparison.differences(revision, this.context.document, this.docMdp);
			if (!differences.isEmpty()) {
				this.modifiedAfterSigning = true;
				differences.forEach(this::invalid);
			}
		}
		catch (IOException | RuntimeException ex) {
			this.modifiedAfterSigning = true;
			invalid("the signed revision cannot be read: " + ex.getMessage());
		}
	}

	private void invalid(String reason) {
		this.invalid = true;
		this.reasons.add(reason);
	}

	private void indeterminate(String reason) {
		this.indeterminate = true;
		this.reasons.add(reason);
	}

}
