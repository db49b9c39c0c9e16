package io.motcua.app.documents;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the documents feature.
 *
 * @param store where the bytes of documents live: {@code filesystem} (a folder, which
 * several nodes may share as a mount) or {@code s3} (S3-compatible object storage, see
 * {@code motcua.documents.s3.*})
 * @param storageDir folder of the filesystem document store; with either store, uploads
 * are staged here while they are checked
 * @param s3 the object storage, when {@code store} is {@code s3}
 * @param maxFileSize largest file accepted
 * @param maxDossierSize largest total of the applicant's files in one dossier
 * @param maxFilesPerRequest most files in one upload
 * @param extractedTextChars most characters of text extracted from one document for
 * search
 * @param parseTimeout longest time spent reading one document
 * @param orphanAge how old a stored file without a row must be before the sweep deletes
 * it
 * @param publicBaseUrl base of the public lookup URL printed as a QR code on receipts:
 * the address applicants reach the installation at (the {@code postgres} profile has no
 * default and refuses to start without one)
 * @param maxImagePixels pixel budget: most pixels (width × height) of one image, alone or
 * inside a PDF; larger ones are refused before anything decodes them
 * @param maxInflatedSize most bytes one compressed part of a file (a PDF stream, an entry
 * of an Office file) may inflate to; inflating stops there and the file is refused
 * @param maxInflateRatio most times its own size that all compressed parts of a file may
 * inflate to together (a file may always inflate to max-inflated-size)
 * @param maxFileNameLength longest file name accepted, in characters
 */
@Validated
@ConfigurationProperties("motcua.documents")
public record DocumentProperties(@DefaultValue("filesystem") @NotNull Store store,
		@DefaultValue("./data/documents") @NotNull Path storageDir, @DefaultValue @Valid S3 s3,
		@DefaultValue("20MB") @NotNull DataSize maxFileSize, @DefaultValue("100MB") @NotNull DataSize maxDossierSize,
		@DefaultValue("30") @Positive int maxFilesPerRequest, @DefaultValue("200000") @Positive int extractedTextChars,
		@DefaultValue("20s") @NotNull Duration parseTimeout, @DefaultValue("1h") @NotNull Duration orphanAge,
		@DefaultValue("http://localhost:8080") @NotBlank(
				message = "set motcua.documents.public-base-url (MOTCUA_PUBLIC_BASE_URL) to the address applicants reach this installation at: the receipts' QR codes point there") @Pattern(
						regexp = "https?://[^\\s]+",
						message = "must be an absolute http(s) address, for example https://motcua.dongnai.gov.vn") String publicBaseUrl,
		@DefaultValue("50000000") @Positive long maxImagePixels,
		@DefaultValue("100MB") @NotNull DataSize maxInflatedSize, @DefaultValue("100") @Positive int maxInflateRatio,
		@DefaultValue("200") @Positive @Max(value = 255,
				message = "file names are stored in 255 characters at most") int maxFileNameLength) {

	@AssertTrue(message = "motcua.documents.store=s3 cần motcua.documents.s3.bucket, access-key và secret-key"
			+ " (object storage needs motcua.documents.s3.bucket, motcua.documents.s3.access-key and"
			+ " motcua.documents.s3.secret-key)")
	public boolean isS3CompleteWhenChosen() {
		return this.store != Store.S3 || this.s3.complete();
	}

	/** Where the bytes of documents live. */
	public enum Store {

		/** A folder: {@code storage-dir}. */
		FILESYSTEM,

		/** S3-compatible object storage: {@code motcua.documents.s3.*}. */
		S3

	}

	/**
	 * S3-compatible object storage (AWS S3, MinIO, Ceph, a cloud provider's object
	 * storage). Each content is an object named {@code <key-prefix><sha256>}.
	 *
	 * @param endpoint the service's address, for example {@code https://s3.example.vn} or
	 * {@code http://127.0.0.1:9000}; none for AWS S3 itself (its address for the region)
	 * @param region the region the bucket is in; servers other than AWS mostly accept any
	 * @param bucket the bucket that holds the documents
	 * @param accessKey the access key id ({@code MOTCUA_DOCUMENTS_S3_ACCESS_KEY})
	 * @param secretKey its secret access key; best given in the environment
	 * ({@code MOTCUA_DOCUMENTS_S3_SECRET_KEY}), never logged
	 * @param pathStyle whether the bucket goes in the path ({@code endpoint/bucket/key})
	 * rather than in the host name ({@code bucket.endpoint/key}): true for MinIO, S3Proxy
	 * and most servers other than AWS
	 * @param keyPrefix put before every object's name, to share a bucket with other data,
	 * for example {@code motcua/documents/}
	 * @param createBucket whether start-up creates the bucket when it does not exist
	 * (otherwise start-up fails, naming it)
	 * @param timeout longest wait for one call to the object storage (a download's bytes
	 * excepted, which flow while they are read)
	 */
	public record S3(URI endpoint, @DefaultValue("us-east-1") @NotBlank String region, String bucket, String accessKey,
			String secretKey, @DefaultValue("false") boolean pathStyle,
			@DefaultValue("") @NotNull @Pattern(regexp = "|[A-Za-z0-9!_.*'()/-]*/",
					message = "must be empty or end with /, in letters, digits and !_.*'()-") String keyPrefix,
			@DefaultValue("false") boolean createBucket, @DefaultValue("60s") @NotNull Duration timeout) {

		boolean complete() {
			return present(this.bucket) && present(this.accessKey) && present(this.secretKey);
		}

		private static boolean present(String value) {
			return value != null && !value.isBlank();
		}

		@Override
		public String toString() {
			return "S3[endpoint=" + this.endpoint + ", region=" + this.region + ", bucket=" + this.bucket
					+ ", accessKey=" + this.accessKey + ", secretKey=" + (present(this.secretKey) ? "******" : "none")
					+ ", pathStyle=" + this.pathStyle + ", keyPrefix=" + this.keyPrefix + ", createBucket="
					+ this.createBucket + ", timeout=" + this.timeout + "]";
		}

	}

}
