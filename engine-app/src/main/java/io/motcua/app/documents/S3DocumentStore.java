package io.motcua.app.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A {@link DocumentStore} on S3-compatible object storage, shared by every node: each
 * content is one object named {@code <key-prefix><sha256>}.
 * <p>
 * A content's hash is known only once it has been read to the end, and S3 needs the size
 * of an object before its bytes: so each content is first written to a file in the local
 * spool folder while it is hashed, then sent under its hash in one request, which S3
 * makes visible whole or not at all. Storing content that is already there sends it
 * again: that renews the object's age (its Last-Modified) in the same request, so the
 * orphan sweep leaves it to the row about to point to it, with no window between a check
 * and a renewal. Ages are the object store's own clock, one clock for every node.
 * <p>
 * Reads check the hash as the filesystem store does. Buckets with versioning keep every
 * copy sent again: leave versioning off, or expire old versions with a lifecycle rule.
 */
class S3DocumentStore implements DocumentStore, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(S3DocumentStore.class);

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	/** The longest wait for a connection to the object store, whatever the timeout. */
	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

	private final S3Client s3;

	private final String bucket;

	private final String prefix;

	private final String where;

	private final Path spool;

	private final Clock clock;

	/** Objects per page of a listing; the S3 API's own limit is 1000. */
	private int pageSize = 1000;

	S3DocumentStore(S3Client s3, String bucket, String prefix, String where, Path spool, Clock clock) {
		this.s3 = s3;
		this.bucket = bucket;
		this.prefix = prefix;
		this.where = where;
		this.spool = spool;
		this.clock = clock;
	}

	/**
	 * Connects to the object storage the settings name and checks its bucket: creates it
	 * when it is missing and {@code create-bucket} is set, fails otherwise.
	 * @param spool local folder for content on its way to the object store
	 * @throws IllegalStateException when the bucket is missing, the credentials are
	 * refused or the object storage cannot be reached, saying which
	 */
	static S3DocumentStore connect(DocumentProperties.S3 settings, Path spool, Clock clock) {
		Duration timeout = settings.timeout();
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(settings.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey())))
			.forcePathStyle(settings.pathStyle())
			// Our own SHA-256 checks every read; the SDK's default checksums
			// (CRC in trailers, since 2.30) are refused by many S3-compatible servers.
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
			.httpClientBuilder(UrlConnectionHttpClient.builder()
				.connectionTimeout(shorter(CONNECT_TIMEOUT, timeout))
				.socketTimeout(timeout))
			.overrideConfiguration((config) -> config.apiCallTimeout(timeout));
		if (settings.endpoint() != null) {
			builder.endpointOverride(settings.endpoint());
		}
		String where = "bucket '" + settings.bucket() + "' at "
				+ ((settings.endpoint() != null) ? settings.endpoint() : "AWS S3 " + settings.region());
		S3DocumentStore store = new S3DocumentStore(builder.build(), settings.bucket(), settings.keyPrefix(), where,
				spool, clock);
		try {
			store.checkBucket(settings.createBucket(), settings.accessKey());
		}
		catch (RuntimeException ex) {
			store.close();
			throw ex;
		}
		log.info("Documents are stored in {}{}", where,
				settings.keyPrefix().isEmpty() ? "" : " under '" + settings.keyPrefix() + "'");
		return store;
	}

	private void checkBucket(boolean create, String accessKey) {
		try {
			this.s3.headBucket((request) -> request.bucket(this.bucket));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404 && create) {
				createBucket();
				return;
			}
			if (ex.statusCode() == 404) {
				throw new IllegalStateException("The document store's " + this.where + " does not exist: create it,"
						+ " or set motcua.documents.s3.create-bucket=true to have it created at start-up", ex);
			}
			if (ex.statusCode() == 401 || ex.statusCode() == 403) {
				throw new IllegalStateException("The object storage refuses the access key '" + accessKey + "' for the"
						+ " document store's " + this.where + " (HTTP " + ex.statusCode() + "): check"
						+ " motcua.documents.s3.access-key, secret-key and region, and the key's rights on the"
						+ " bucket", ex);
			}
			if (ex.statusCode() == 301) {
				throw new IllegalStateException("The document store's " + this.where + " is in another region than"
						+ " motcua.documents.s3.region (HTTP 301): set the bucket's region", ex);
			}
			throw new IllegalStateException(
					"Cannot check the document store's " + this.where + " (HTTP " + ex.statusCode() + ")", ex);
		}
		catch (SdkClientException ex) {
			throw new IllegalStateException("Cannot reach the document store's " + this.where + ": " + ex.getMessage()
					+ " (check motcua.documents.s3.endpoint)", ex);
		}
	}

	private void createBucket() {
		try {
			this.s3.createBucket((request) -> request.bucket(this.bucket));
			log.info("Created the document store's {}", this.where);
		}
		catch (SdkException ex) {
			throw new IllegalStateException("Cannot create the document store's " + this.where + ": " + ex.getMessage()
					+ " (create it, or give the access key the right to)", ex);
		}
	}

	@Override
	public StoredContent put(InputStream content) throws IOException {
		Files.createDirectories(this.spool);
		Path temp = Files.createTempFile(this.spool, "s3-upload-", ".part");
		try {
			MessageDigest digest = VerifyingInputStream.sha256();
			long size;
			try (OutputStream out = Files.newOutputStream(temp)) {
				size = new DigestInputStream(content, digest).transferTo(out);
			}
			String hash = HexFormat.of().formatHex(digest.digest());
			try {
				this.s3.putObject(
						(request) -> request.bucket(this.bucket)
							.key(keyOf(hash))
							.contentLength(size)
							.contentType("application/octet-stream")
							// For operators: when the application stored it, on its
							// clock.
							.metadata(Map.of("stored-at", this.clock.instant().toString())),
						RequestBody.fromFile(temp));
			}
			catch (SdkException ex) {
				throw failure("store " + hash + " in", ex);
			}
			return new StoredContent(hash, size);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	@Override
	public InputStream get(String sha256) throws IOException {
		String key = keyOf(sha256);
		try {
			return new VerifyingInputStream(this.s3.getObject((request) -> request.bucket(this.bucket).key(key)),
					sha256);
		}
		catch (NoSuchKeyException ex) {
			throw new NoSuchFileException(key, null, "no document stored under " + sha256 + " in " + this.where);
		}
		catch (SdkException ex) {
			throw failure("read " + sha256 + " from", ex);
		}
	}

	@Override
	public boolean exists(String sha256) throws IOException {
		String key = keyOf(sha256);
		try {
			this.s3.headObject((request) -> request.bucket(this.bucket).key(key));
			return true;
		}
		catch (NoSuchKeyException ex) {
			return false;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return false;
			}
			throw failure("look up " + sha256 + " in", ex);
		}
		catch (SdkException ex) {
			throw failure("look up " + sha256 + " in", ex);
		}
	}

	@Override
	public void delete(String sha256) throws IOException {
		String key = keyOf(sha256);
		try {
			this.s3.deleteObject((request) -> request.bucket(this.bucket).key(key));
		}
		catch (SdkException ex) {
			throw failure("delete " + sha256 + " from", ex);
		}
	}

	/**
	 * Lists the objects under the key prefix page by page (deleting listed objects
	 * between pages is safe: a page starts after the last key of the one before), and
	 * answers those whose name is a hash and whose Last-Modified is before the cutoff.
	 */
	@Override
	public void forEachOlderThan(Instant cutoff, Consumer<String> action) throws IOException {
		try {
			for (S3Object object : this.s3
				.listObjectsV2Paginator(
						(request) -> request.bucket(this.bucket).prefix(this.prefix).maxKeys(this.pageSize))
				.contents()) {
				String hash = object.key().substring(this.prefix.length());
				if (SHA256.matcher(hash).matches() && object.lastModified() != null
						&& object.lastModified().isBefore(cutoff)) {
					action.accept(hash);
				}
			}
		}
		catch (SdkException ex) {
			throw failure("list", ex);
		}
	}

	/**
	 * Asks whether the bucket answers now, within {@code patience} (retries included),
	 * for the health endpoint.
	 * @return why it does not, or nothing when it does
	 */
	Optional<String> unavailability(Duration patience) {
		try {
			this.s3.headBucket((request) -> request.bucket(this.bucket)
				.overrideConfiguration((config) -> config.apiCallTimeout(patience)));
			return Optional.empty();
		}
		catch (S3Exception ex) {
			return Optional.of(this.where + " answered HTTP " + ex.statusCode());
		}
		catch (SdkException ex) {
			return Optional.of(this.where + ": " + ex.getMessage());
		}
	}

	@Override
	public void close() {
		this.s3.close();
	}

	String keyOf(String sha256) {
		if (sha256 == null || !SHA256.matcher(sha256).matches()) {
			throw new IllegalArgumentException("Not a lower-case hex SHA-256: " + sha256);
		}
		return this.prefix + sha256;
	}

	/** Lists in smaller pages (tests cross page boundaries with few objects). */
	void pageSize(int size) {
		this.pageSize = size;
	}

	private IOException failure(String what, SdkException ex) {
		String message = "Cannot " + what + " the document store's " + this.where;
		if (ex instanceof S3Exception s3 && s3.statusCode() < 500) {
			return new IOException(message + " (HTTP " + s3.statusCode() + ")", ex);
		}
		// Unreachable, timed out, or failing on its side (5xx): worth trying again.
		return new DocumentStoreUnavailableException(message + ": " + ex.getMessage(), ex);
	}

	private static Duration shorter(Duration first, Duration second) {
		return (first.compareTo(second) <= 0) ? first : second;
	}

}
