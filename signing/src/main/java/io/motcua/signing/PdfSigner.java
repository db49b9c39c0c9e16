package io.motcua.signing;

import java.io.ByteArrayInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * Signs PDFs as PAdES baseline signatures (B-B, B-T, B-LT), in one step with a
 * {@link SigningKey} or in two steps for keys the server cannot touch (USB tokens, remote
 * signing services, HSMs behind another service).
 * <p>
 * Every signature is an incremental update, so earlier signatures stay valid. The signing
 * time comes from the clock given at construction. Timestamps, CRLs and OCSP responses
 * are fetched with {@link HttpClient}. Instances are immutable and thread-safe.
 */
public final class PdfSigner {

	/**
	 * Bytes reserved in /Contents for the CMS around the signer's chain: the signed
	 * attributes, a signature value of up to RSA-8192 and the ASN.1 structure.
	 */
	static final int CMS_ROOM = 4 * 1024;

	/**
	 * Further bytes reserved when a timestamp token joins the CMS (B-T, B-LT): the token
	 * with its authority's certificates.
	 */
	static final int TIMESTAMP_ROOM = 16 * 1024;

	private final Clock clock;

	private final TimestampClient timestamps;

	private final RevocationClient revocation;

	/**
	 * Creates a signer with the system clock in Asia/Ho_Chi_Minh and a 15 second network
	 * timeout.
	 */
	public PdfSigner() {
		this(Clock.system(ZoneId.of("Asia/Ho_Chi_Minh")), Duration.ofSeconds(15));
	}

	/**
	 * Creates a signer.
	 * @param clock source of the signing time and of the time zone shown on stamps, not
	 * {@code null}
	 * @param networkTimeout timeout of each request to a timestamp authority, CRL
	 * distribution point or OCSP responder, not {@code null}
	 */
	public PdfSigner(Clock clock, Duration networkTimeout) {
		this.clock = Objects.requireNonNull(clock, "clock");
		Objects.requireNonNull(networkTimeout, "networkTimeout");
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(networkTimeout)
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
		this.timestamps = new TimestampClient(http, networkTimeout);
		this.revocation = new RevocationClient(http, networkTimeout);
	}

	/**
	 * Signs a PDF with a key the caller holds.
	 * @param request what to sign and how, not {@code null}
	 * @param key the signer's key and chain, not {@code null}
	 * @return the signed PDF (the input with one or two incremental updates appended)
	 * @throws SigningException if the PDF cannot be read or is encrypted, a certification
	 * is asked for a document that is already signed, the document forbids changes, the
	 * key cannot sign, the timestamp authority fails or (B-LT) revocation data cannot be
	 * fetched
	 */
	public byte[] sign(SignRequest request, SigningKey key) {
		Objects.requireNonNull(key, "key");
		Objects.requireNonNull(request, "request");
		requireChain(key.chain());
		// The handle stays in memory: encoding it (deflate, Base64) is only for callers
		// that carry it to an external signer and back
		Handle prepared = prepareHandle(request, key.chain());
		String signatureAlgorithm = Cms.signatureAlgorithm(key.certificate());
		byte[] signatureValue;
		try {
			Signature signature = (key.provider() != null) ? Signature.getInstance(signatureAlgorithm, key.provider())
					: Signature.getInstance(signatureAlgorithm);
			signature.initSign(key.privateKey());
			signature.update(prepared.signedAttributes());
			signatureValue = signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new SigningException("The key cannot sign: " + ex.getMessage(), ex);
		}
		return complete(prepared, signatureValue, key.chain());
	}

	/**
	 * First step of an external signature: adds the signature field (and appearance) with
	 * an empty placeholder and computes what must be signed.
	 * @param request what to sign and how, not {@code null}
	 * @param chain the signer certificate first, then its issuers; not {@code null} or
	 * empty
	 * @return the data to be signed, its digest and the handle for {@link #complete}
	 * @throws SigningException if the PDF cannot be read or is encrypted, the page of the
	 * appearance does not exist, a certification is asked for a document that is already
	 * signed, or the document forbids further signatures
	 */
	public PreparedSignature prepare(SignRequest request, List<X509Certificate> chain) {
		Objects.requireNonNull(request, "request");
		requireChain(chain);
		Handle handle = prepareHandle(request, chain);
		return new PreparedSignature(handle.signedAttributes(), Cms.sha256(handle.signedAttributes()),
				Cms.DIGEST_ALGORITHM, Cms.signatureAlgorithm(chain.get(0)), handle.encode());
	}

	private Handle prepareHandle(SignRequest request, List<X509Certificate> chain) {
		Instant now = this.clock.instant();
		try (PDDocument document = Loader.loadPDF(request.pdf()); SignatureOptions options = new SignatureOptions()) {
			if (document.isEncrypted()) {
				throw new SigningException("Encrypted PDFs are not supported");
			}
			List<PDSignature> existing = document.getSignatureDictionaries();
			if (request.certify() && !existing.isEmpty()) {
				throw new SigningException("Only the first signature of a document may certify it");
			}
			if (DocMdp.permission(document) == 1) {
				throw new SigningException("The document is certified with no changes allowed");
			}
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
			signature.setName(request.signerName());
			signature.setReason(request.reason());
			signature.setLocation(request.location());
			Calendar signDate = Calendar.getInstance(TimeZone.getTimeZone(this.clock.getZone()));
			signDate.setTimeInMillis(now.toEpochMilli());
			signature.setSignDate(signDate);
			if (request.certify()) {
				DocMdp.certify(document, signature, 2);
			}
			int contentsSize = contentsSize(request.level(), chain);
			options.setPreferredSignatureSize(contentsSize);
			SignatureAppearance appearance = request.appearance();
			if (appearance != null) {
				int pageIndex = appearance.page() - 1;
				if (pageIndex >= document.getNumberOfPages()) {
					throw new SigningException("The document has no page " + appearance.page());
				}
				PDRectangle mediaBox = document.getPage(pageIndex).getMediaBox();
				byte[] template = AppearanceTemplate.create(appearance, mediaBox, request.signerName(), now,
						this.clock.getZone());
				options.setVisualSignature(new ByteArrayInputStream(template));
				options.setPage(pageIndex);
			}
			document.addSignature(signature, options);
			ByteArrayOutputStream out = new ByteArrayOutputStream(request.pdf().length + 2 * contentsSize + 8192);
			// PDFBox writes the /Contents placeholder byte by byte; unbuffered, each byte
			// is a synchronized call into the ByteArrayOutputStream
			BufferedOutputStream buffered = new BufferedOutputStream(out, 64 * 1024);
			ExternalSigningSupport external = document.saveIncrementalForExternalSigning(buffered);
			byte[] documentDigest;
			try (InputStream content = external.getContent()) {
				documentDigest = Cms.sha256(content.readAllBytes());
			}
			// writes the document with /Contents still zero; complete() fills it in
			external.setSignature(new byte[0]);
			buffered.flush();
			int[] byteRange = signature.getByteRange();
			byte[] signedAttributes = Cms.signedAttributes(documentDigest, chain);
			return new Handle(out.toByteArray(), byteRange, signedAttributes, request.level(), request.tsaUrl());
		}
		catch (IOException ex) {
			throw new SigningException("Cannot prepare the PDF for signing: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Second step of an external signature: builds the CMS around the signature value,
	 * adds the timestamp (B-T, B-LT) and the validation data (B-LT) and writes it into
	 * the prepared PDF.
	 * @param handle the handle returned by {@link #prepare}, not {@code null}
	 * @param signatureValue the signature over {@link PreparedSignature#dataToBeSigned()}
	 * (PKCS#1 v1.5 for RSA, DER-encoded for ECDSA), not {@code null}
	 * @param chain the same chain as given to {@link #prepare}, not {@code null} or empty
	 * @return the signed PDF
	 * @throws SigningException if the handle is corrupt, the signature value does not
	 * verify with the certificate, the timestamp authority fails or (B-LT) revocation
	 * data cannot be fetched
	 */
	public byte[] complete(String handle, byte[] signatureValue, List<X509Certificate> chain) {
		Objects.requireNonNull(signatureValue, "signatureValue");
		requireChain(chain);
		return complete(Handle.decode(handle), signatureValue, chain);
	}

	private byte[] complete(Handle prepared, byte[] signatureValue, List<X509Certificate> chain) {
		byte[] pdf = prepared.preparedPdf();
		int[] byteRange = prepared.byteRange();
		if (byteRange[0] != 0 || byteRange[1] <= 0 || byteRange[2] <= byteRange[1]
				|| byteRange[2] + byteRange[3] != pdf.length || pdf[byteRange[1]] != '<'
				|| pdf[byteRange[2] - 1] != '>') {
			throw new SigningException("Corrupt signing handle: the byte range does not match the prepared PDF");
		}
		checkDigest(prepared, pdf, byteRange);
		verifySignatureValue(prepared.signedAttributes(), signatureValue, chain.get(0));
		CMSSignedData signedData = Cms.assemble(prepared.signedAttributes(), signatureValue, chain);
		TimeStampToken token = null;
		if (prepared.level() != SignatureLevel.PADES_BASELINE_B) {
			SignerInformation signer = signedData.getSignerInfos().getSigners().iterator().next();
			token = this.timestamps.timestamp(prepared.tsaUrl(), signer.getSignature());
			signedData = Cms.addSignatureTimestamp(signedData, token);
		}
		byte[] cms = Cms.der(signedData);
		int room = byteRange[2] - byteRange[1] - 2;
		if (cms.length * 2 > room) {
			throw new SigningException(
					"The signature (" + cms.length + " bytes) does not fit the reserved " + (room / 2) + " bytes");
		}
		byte[] signed = pdf.clone();
		byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(hex, 0, signed, byteRange[1] + 1, hex.length);
		if (prepared.level() == SignatureLevel.PADES_BASELINE_LT) {
			signed = addValidationData(signed, chain, token);
		}
		return signed;
	}

	/**
	 * Bytes to reserve for the CMS in /Contents (written as hex, twice as many
	 * characters): sized from the chain rather than fixed, because PDFBox writes the
	 * placeholder one byte at a time, and a generous fixed 24 KiB took a quarter of a
	 * one-page signature's time.
	 */
	static int contentsSize(SignatureLevel level, List<X509Certificate> chain) {
		int size = CMS_ROOM;
		for (X509Certificate certificate : chain) {
			try {
				size += certificate.getEncoded().length;
			}
			catch (CertificateEncodingException ex) {
				throw new SigningException("A certificate of the chain cannot be encoded: " + ex.getMessage(), ex);
			}
		}
		return (level == SignatureLevel.PADES_BASELINE_B) ? size : size + TIMESTAMP_ROOM;
	}

	private static void requireChain(List<X509Certificate> chain) {
		if (chain == null || chain.isEmpty()) {
			throw new SigningException("The signer's certificate chain is required");
		}
	}

	private static void checkDigest(Handle prepared, byte[] pdf, int[] byteRange) {
		byte[] content = new byte[byteRange[1] + byteRange[3]];
		System.arraycopy(pdf, 0, content, 0, byteRange[1]);
		System.arraycopy(pdf, byteRange[2], content, byteRange[1], byteRange[3]);
		try {
			AttributeTable attributes = new AttributeTable(ASN1Set.getInstance(prepared.signedAttributes()));
			Attribute messageDigest = attributes.get(CMSAttributes.messageDigest);
			byte[] expected = ASN1OctetString.getInstance(messageDigest.getAttrValues().getObjectAt(0)).getOctets();
			if (!Arrays.equals(expected, Cms.sha256(content))) {
				throw new SigningException("Corrupt signing handle: the prepared PDF does not match its digest");
			}
		}
		catch (RuntimeException ex) {
			if (ex instanceof SigningException signingException) {
				throw signingException;
			}
			throw new SigningException("Corrupt signing handle: unreadable signed attributes", ex);
		}
	}

	private static void verifySignatureValue(byte[] signedAttributes, byte[] signatureValue,
			X509Certificate certificate) {
		boolean valid;
		try {
			Signature verifier = Signature.getInstance(Cms.signatureAlgorithm(certificate), Cms.BC);
			verifier.initVerify(certificate.getPublicKey());
			verifier.update(signedAttributes);
			valid = verifier.verify(signatureValue);
		}
		catch (GeneralSecurityException ex) {
			valid = false;
		}
		if (!valid) {
			throw new SigningException(
					"The signature value does not verify with the signer certificate over the prepared data");
		}
	}

	private byte[] addValidationData(byte[] signed, List<X509Certificate> chain, TimeStampToken token) {
		Set<X509Certificate> certificates = new LinkedHashSet<>(chain);
		JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
		try {
			for (X509CertificateHolder holder : token.getCertificates().getMatches(null)) {
				certificates.add(converter.getCertificate(holder));
			}
		}
		catch (CertificateException ex) {
			throw new SigningException("Unreadable certificate in the timestamp token", ex);
		}
		List<X509CRL> crls = new ArrayList<>();
		List<byte[]> ocspResponses = new ArrayList<>();
		for (X509Certificate certificate : certificates) {
			if (Certificates.isSelfSigned(certificate)) {
				continue;
			}
			X509Certificate issuer = Certificates.issuerOf(certificate, certificates);
			if (issuer == null) {
				throw new SigningException("B-LT: the issuer of " + certificate.getSubjectX500Principal()
						+ " is not in the chain or the timestamp token");
			}
			List<X509CRL> certificateCrls = this.revocation.crls(certificate, issuer);
			OCSPResp ocsp = this.revocation.ocsp(certificate, issuer);
			if (certificateCrls.isEmpty() && ocsp == null) {
				throw new SigningException(
						"B-LT: no CRL or OCSP response could be fetched for " + certificate.getSubjectX500Principal());
			}
			for (X509CRL crl : certificateCrls) {
				if (crl.isRevoked(certificate)) {
					throw new SigningException("Certificate " + certificate.getSubjectX500Principal() + " is revoked");
				}
			}
			crls.addAll(certificateCrls);
			if (ocsp != null) {
				try {
					ocspResponses.add(ocsp.getEncoded());
				}
				catch (IOException ex) {
					throw new SigningException("Cannot encode an OCSP response", ex);
				}
			}
		}
		return ValidationDataWriter.append(signed, certificates, crls, ocspResponses);
	}

	/** DocMDP (certification) permissions: ISO 32000-1 12.8.2.2. */
	static final class DocMdp {

		private static final COSName TRANSFORM_PARAMS = COSName.getPDFName("TransformParams");

		private DocMdp() {
		}

		/**
		 * Makes the signature a certification signature with permission {@code p} (as
		 * PDFBox's SigUtils).
		 */
		static void certify(PDDocument document, PDSignature signature, int p) {
			COSDictionary params = new COSDictionary();
			params.setItem(COSName.TYPE, TRANSFORM_PARAMS);
			params.setInt(COSName.P, p);
			params.setName(COSName.V, "1.2");
			COSDictionary reference = new COSDictionary();
			reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
			reference.setItem(COSName.getPDFName("TransformMethod"), COSName.DOCMDP);
			reference.setItem(COSName.getPDFName("DigestMethod"), COSName.getPDFName("SHA256"));
			reference.setItem(TRANSFORM_PARAMS, params);
			COSArray references = new COSArray();
			references.add(reference);
			signature.getCOSObject().setItem(COSName.getPDFName("Reference"), references);
			COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
			COSDictionary perms = new COSDictionary();
			perms.setItem(COSName.DOCMDP, signature);
			catalog.setItem(COSName.PERMS, perms);
			catalog.setNeedToBeUpdated(true);
			perms.setNeedToBeUpdated(true);
		}

		/**
		 * The DocMDP permission of a certification signature dictionary, or 0 if it is
		 * none.
		 */
		static int permission(COSDictionary signature) {
			COSArray references = signature.getCOSArray(COSName.getPDFName("Reference"));
			if (references == null) {
				return 0;
			}
			for (int i = 0; i < references.size(); i++) {
				if (references.getObject(i) instanceof COSDictionary reference
						&& COSName.DOCMDP.equals(reference.getCOSName(COSName.getPDFName("TransformMethod")))) {
					COSDictionary params = reference.getCOSDictionary(TRANSFORM_PARAMS);
					int p = (params != null) ? params.getInt(COSName.P, 2) : 2;
					return (p < 1 || p > 3) ? 2 : p;
				}
			}
			return 0;
		}

		/**
		 * The DocMDP permission of the document's certification, or 0 if it is not
		 * certified.
		 */
		static int permission(PDDocument document) {
			COSDictionary perms = document.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.PERMS);
			if (perms == null) {
				return 0;
			}
			COSDictionary signature = perms.getCOSDictionary(COSName.DOCMDP);
			return (signature != null) ? permission(signature) : 0;
		}

	}

}
