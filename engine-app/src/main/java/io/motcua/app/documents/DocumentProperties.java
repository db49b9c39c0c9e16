package io.motcua.app.documents;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.NotNull;
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
 * @param publicBaseUrl base of the public lookup URL printed as a QR code on receipts
 */
@Validated
@ConfigurationProperties("motcua.documents")
public record DocumentProperties(@DefaultValue("./data/documents") @NotNull Path storageDir,
		@DefaultValue("20MB") @NotNull DataSize maxFileSize, @DefaultValue("100MB") @NotNull DataSize maxDossierSize,
		@DefaultValue("30") @Positive int maxFilesPerRequest, @DefaultValue("200000") @Positive int extractedTextChars,
		@DefaultValue("20s") @NotNull Duration parseTimeout, @DefaultValue("1h") @NotNull Duration orphanAge,
		@DefaultValue("http://localhost:8080") @NotNull String publicBaseUrl) {
}
