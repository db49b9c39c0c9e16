package io.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Adds a document security store (/DSS with /Certs, /CRLs, /OCSPs; ISO 32000-2 12.8.4.3)
 * to a signed PDF in an incremental update, as PDFBox's AddValidationInformation example
 * does.
 */
final class ValidationDataWriter {

	static final COSName DSS = COSName.getPDFName("DSS");

	static final COSName CERTS = COSName.getPDFName("Certs");

	static final COSName CRLS = COSName.getPDFName("CRLs");

	static final COSName OCSPS = COSName.getPDFName("OCSPs");

	private ValidationDataWriter() {
	}

	static byte[] append(byte[] signedPdf, Collection<X509Certificate> certificates, Collection<X509CRL> crls,
			Collection<byte[]> ocspResponses) {
		try (PDDocument document = Loader.loadPDF(signedPdf)) {
			COSDictionary catalog = document.getDocumentCatalog().getCOSObject();
			COSDictionary dss = catalog.getCOSDictionary(DSS);
			if (dss == null) {
				dss = new COSDictionary();
				catalog.setItem(DSS, dss);
			}
			Set<COSDictionary> changed = new HashSet<>();
			changed.add(catalog);
			changed.add(dss);
			for (X509Certificate certificate : certificates) {
				add(document, dss, CERTS, certificate.getEncoded(), changed);
			}
			for (X509CRL crl : crls) {
				add(document, dss, CRLS, crl.getEncoded(), changed);
			}
			for (byte[] ocsp : ocspResponses) {
				add(document, dss, OCSPS, ocsp, changed);
			}
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			// Marked, not handed to saveIncremental(out, changed), which writes each of
			// them twice: the earlier copies are dead bytes no cross-reference reaches
			changed.forEach((dictionary) -> dictionary.setNeedToBeUpdated(true));
			document.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new SigningException("Cannot add validation data: " + ex.getMessage(), ex);
		}
	}

	private static void add(PDDocument document, COSDictionary dss, COSName key, byte[] der, Set<COSDictionary> changed)
			throws IOException {
		COSArray array = dss.getCOSArray(key);
		if (array == null) {
			array = new COSArray();
			dss.setItem(key, array);
		}
		COSStream stream = document.getDocument().createCOSStream();
		try (OutputStream out = stream.createOutputStream(COSName.FLATE_DECODE)) {
			out.write(der);
		}
		array.add(stream);
		changed.add(stream);
	}

}
