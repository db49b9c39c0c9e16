package io.motcua.app.documents;

import java.nio.file.Path;
import java.time.Duration;

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
 * @param storageDir folder of the filesystem document store
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
public record DocumentProperties(@DefaultValue("./data/documents") @NotNull Path storageDir,
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
}
