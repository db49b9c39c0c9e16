package io.motcua.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * RFC 3161 client over HTTP ({@code application/timestamp-query}).
 */
final class TimestampClient {

	private final HttpClient http;

	private final Duration timeout;

	private final SecureRandom random = new SecureRandom();

	TimestampClient(HttpClient http, Duration timeout) {
		this.http = http;
		this.timeout = timeout;
	}

	/** Requests a timestamp token over the SHA-256 hash of {@code data}. */
	TimeStampToken timestamp(String url, byte[] data) {
		TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
		generator.setCertReq(true);
		TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, Cms.sha256(data),
				new BigInteger(64, this.random));
		try {
			HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(url))
				.timeout(this.timeout)
				.header("Content-Type", "application/timestamp-query")
				.POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded()))
				.build();
			HttpResponse<byte[]> response = this.http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new SigningException("Timestamp authority " + url + " answered HTTP " + response.statusCode());
			}
			TimeStampResponse timeStampResponse = new TimeStampResponse(response.body());
			timeStampResponse.validate(request);
			TimeStampToken token = timeStampResponse.getTimeStampToken();
			if (token == null) {
				throw new SigningException(
						"Timestamp authority " + url + " refused the request: " + timeStampResponse.getStatusString());
			}
			return token;
		}
		catch (IOException | TSPException | IllegalArgumentException ex) {
			throw new SigningException("Cannot obtain a timestamp from " + url + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SigningException("Interrupted while waiting for the timestamp authority", ex);
		}
	}

}
