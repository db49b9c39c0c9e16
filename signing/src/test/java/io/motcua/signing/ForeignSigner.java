package io.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs as most other software does (PDFBox's own example, many desktop tools):
 * {@code adbe.pkcs7.detached} with Bouncy Castle's default signed attributes, which
 * include a CMS signing-time; {@link PdfSigner} leaves it out.
 */
final class ForeignSigner {

	private ForeignSigner() {
	}

	static byte[] sign(byte[] pdf, SigningKey key) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			PDSignature signature = new PDSignature();
			signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
			signature.setSubFilter(PDSignature.SUBFILTER_ADBE_PKCS7_DETACHED);
			signature.setSignDate(Calendar.getInstance());
			document.addSignature(signature, (content) -> {
				try {
					CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
					generator.addSignerInfoGenerator(
							new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build()).build(
									new JcaContentSignerBuilder("SHA256withRSA").build(key.privateKey()),
									key.certificate()));
					generator.addCertificates(new JcaCertStore(key.chain()));
					return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
				}
				catch (IOException ex) {
					throw ex;
				}
				catch (Exception ex) {
					throw new IOException(ex);
				}
			});
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			document.saveIncremental(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
