package io.motcua.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;

/**
 * What all signatures of one document are validated with: the file, trust anchors, and
 * the validation data of the document security store.
 */
final class ValidationContext {

	final byte[] pdf;

	final PDDocument document;

	final Set<TrustAnchor> trustAnchors;

	final RevocationClient online;

	final Instant now;

	final List<X509Certificate> dssCertificates = new ArrayList<>();

	final List<X509CRL> dssCrls = new ArrayList<>();

	final List<BasicOCSPResp> dssOcsps = new ArrayList<>();

	final boolean hasRevocationData;

	ValidationContext(byte[] pdf, PDDocument document, Set<TrustAnchor> trustAnchors, RevocationClient online,
			Instant now) {
		this.pdf = pdf;
		this.document = document;
		this.trustAnchors = trustAnchors;
		this.online = online;
		this.now = now;
		COSDictionary dss = document.getDocumentCatalog().getCOSObject().getCOSDictionary(ValidationDataWriter.DSS);
		if (dss != null) {
			for (byte[] der : streams(dss.getCOSArray(ValidationDataWriter.CERTS))) {
				try {
					this.dssCertificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
						.generateCertificate(new ByteArrayInputStream(der)));
				}
				catch (Exception ex) {
					// unreadable entries are ignored: they only ever add evidence
				}
			}
			for (byte[] der : streams(dss.getCOSArray(ValidationDataWriter.CRLS))) {
				try {
					this.dssCrls.add((X509CRL) CertificateFactory.getInstance("X.509")
						.generateCRL(new ByteArrayInputStream(der)));
				}
				catch (Exception ex) {
					// ignored, see above
				}
			}
			for (byte[] der : streams(dss.getCOSArray(ValidationDataWriter.OCSPS))) {
				try {
					Object response = new OCSPResp(der).getResponseObject();
					if (response instanceof BasicOCSPResp basic) {
						this.dssOcsps.add(basic);
					}
				}
				catch (Exception ex) {
					// ignored, see above
				}
			}
		}
		this.hasRevocationData = !this.dssCrls.isEmpty() || !this.dssOcsps.isEmpty();
	}

	private static List<byte[]> streams(COSArray array) {
		List<byte[]> result = new ArrayList<>();
		if (array == null) {
			return result;
		}
		for (int i = 0; i < array.size(); i++) {
			COSBase entry = array.get(i);
			COSBase resolved = (entry instanceof COSObject object) ? object.getObject() : entry;
			if (resolved instanceof COSStream stream) {
				try (InputStream in = stream.createInputStream()) {
					result.add(in.readAllBytes());
				}
				catch (IOException ex) {
					// ignored, see above
				}
			}
		}
		return result;
	}

}
