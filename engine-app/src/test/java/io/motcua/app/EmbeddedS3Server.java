package io.motcua.app;

import java.net.URI;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server in the test JVM: S3Proxy over an in-memory blob store, on a
 * free port of 127.0.0.1, checking AWS signatures with one access key. What it holds is
 * gone when it stops. {@link #outage()} stops it for a while; {@link #close()} for good.
 */
public final class EmbeddedS3Server implements AutoCloseable {

	public static final String ACCESS_KEY = "motcua-test";

	public static final String SECRET_KEY = "motcua-test-secret";

	public static final String REGION = "us-east-1";

	private final BlobStore blobs;

	private final int port;

	private volatile S3Proxy proxy;

	private EmbeddedS3Server(BlobStore blobs, int port) {
		this.blobs = blobs;
		this.port = port;
		this.proxy = listen(blobs, port);
	}

	/** Starts a server; it answers once this returns. */
	public static EmbeddedS3Server start() {
		return new EmbeddedS3Server(new TransientNio2BlobStore(), EmbeddedAmqpBroker.freePort());
	}

	private static S3Proxy listen(BlobStore blobs, int port) {
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(blobs)
			.endpoint(URI.create("http://127.0.0.1:" + port))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			.stopTimeout(0)
			.build();
		try {
			// Jetty's start returns once the connector listens.
			proxy.start();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot start the embedded S3 server on port " + port, ex);
		}
		if (!"STARTED".equals(proxy.getState())) {
			throw new IllegalStateException("The embedded S3 server is " + proxy.getState() + " after start");
		}
		return proxy;
	}

	/**
	 * Stops answering until the outage is closed; then it answers again on the same port,
	 * with what it held before.
	 */
	public AutoCloseable outage() {
		stop(this.proxy);
		return () -> this.proxy = listen(this.blobs, this.port);
	}

	/** Where it answers, for {@code motcua.documents.s3.endpoint}. */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** A client of its own, for a test to look at or change what is stored. */
	public S3Client client() {
		return S3Client.builder()
			.endpointOverride(endpoint())
			.region(Region.of(REGION))
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
			.forcePathStyle(true)
			.httpClientBuilder(UrlConnectionHttpClient.builder())
			.build();
	}

	/**
	 * The settings that store an application's documents here, in {@code bucket} (created
	 * at start-up) under {@code prefix}, as {@code --name=value} arguments.
	 */
	public String[] settings(String bucket, String prefix) {
		return new String[] { "--motcua.documents.store=s3", "--motcua.documents.s3.endpoint=" + endpoint(),
				"--motcua.documents.s3.region=" + REGION, "--motcua.documents.s3.bucket=" + bucket,
				"--motcua.documents.s3.access-key=" + ACCESS_KEY, "--motcua.documents.s3.secret-key=" + SECRET_KEY,
				"--motcua.documents.s3.path-style=true", "--motcua.documents.s3.key-prefix=" + prefix,
				"--motcua.documents.s3.create-bucket=true" };
	}

	@Override
	public void close() {
		stop(this.proxy);
	}

	private static void stop(S3Proxy proxy) {
		try {
			proxy.stop();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot stop the embedded S3 server", ex);
		}
	}

}
