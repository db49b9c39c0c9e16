package io.motcua.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Fetches CRLs (from the CRL distribution points) and OCSP responses (from the authority
 * information access) over HTTP. Failures are reported as {@code null}/empty results: the
 * caller decides whether missing revocation data is fatal.
 */
final class RevocationClient {

	private final HttpClient http;

	private final Duration timeout;

	RevocationClient(HttpClient http, Duration timeout) {
		this.http = http;
		this.timeout = timeout;
	}

	/**
	 * Returns the CRLs of the certificate's HTTP distribution points whose signature
	 * verifies.
	 */
	List<X509CRL> crls(X509Certificate certificate, X509Certificate issuer) {
		List<X509CRL> crls = new ArrayList<>();
		for (String url : crlUrls(certificate)) {
			byte[] body = get(url);
			if (body == null) {
				continue;
			}
			try {
				X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509")
					.generateCRL(new ByteArrayInputStream(body));
				crl.verify(issuer.getPublicKey());
				crls.add(crl);
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				// an unusable CRL counts as no CRL
			}
		}
		return crls;
	}

	/** Returns a successful OCSP response for the certificate, or {@code null}. */
	OCSPResp ocsp(X509Certificate certificate, X509Certificate issuer) {
		for (String url : ocspUrls(certificate)) {
			try {
				CertificateID id = new CertificateID(
						new JcaDigestCalculatorProviderBuilder().setProvider(Cms.BC)
							.build()
							.get(CertificateID.HASH_SHA1),
						new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
				OCSPReq request = new OCSPReqBuilder().addRequest(id).build();
				HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(url))
					.timeout(this.timeout)
					.header("Content-Type", "application/ocsp-request")
					.POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
					.build();
				HttpResponse<byte[]> response = this.http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() == 200) {
					OCSPResp ocspResponse = new OCSPResp(response.body());
					if (ocspResponse.getStatus() == OCSPResp.SUCCESSFUL) {
						return ocspResponse;
					}
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			catch (Exception ex) {
				// try the next responder
			}
		}
		return null;
	}

	static List<String> crlUrls(X509Certificate certificate) {
		List<String> urls = new ArrayList<>();
		byte[] extension = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
		if (extension == null) {
			return urls;
		}
		try {
			CRLDistPoint points = CRLDistPoint
				.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets()));
			for (DistributionPoint point : points.getDistributionPoints()) {
				DistributionPointName name = point.getDistributionPoint();
				if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
					addHttpUrls(GeneralNames.getInstance(name.getName()).getNames(), urls);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// malformed extension: no URL
		}
		return urls;
	}

	static List<String> ocspUrls(X509Certificate certificate) {
		List<String> urls = new ArrayList<>();
		byte[] extension = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
		if (extension == null) {
			return urls;
		}
		try {
			AuthorityInformationAccess access = AuthorityInformationAccess
				.getInstance(ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(extension).getOctets()));
			for (AccessDescription description : access.getAccessDescriptions()) {
				if (AccessDescription.id_ad_ocsp.equals(description.getAccessMethod())) {
					addHttpUrls(new GeneralName[] { description.getAccessLocation() }, urls);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// malformed extension: no URL
		}
		return urls;
	}

	private static void addHttpUrls(GeneralName[] names, List<String> urls) {
		for (GeneralName name : names) {
			if (name.getTagNo() == GeneralName.uniformResourceIdentifier) {
				String url = ASN1IA5String.getInstance(name.getName()).getString();
				if (url.startsWith("http://") || url.startsWith("https://")) {
					urls.add(url);
				}
			}
		}
	}

	private byte[] get(String url) {
		try {
			HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(this.timeout).GET().build();
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
