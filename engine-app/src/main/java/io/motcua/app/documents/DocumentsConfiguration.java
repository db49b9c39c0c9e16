package io.motcua.app.documents;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the documents feature: the store {@code motcua.documents.store} names (a folder,
 * or S3-compatible object storage) unless another {@link DocumentStore} bean is defined,
 * Tika behind the detector and the bounded extractor, and scheduling for the orphan
 * sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DocumentsConfiguration {

	@Bean
	@ConditionalOnMissingBean(DocumentStore.class)
	@ConditionalOnProperty(name = "motcua.documents.store", havingValue = "filesystem", matchIfMissing = true)
	FilesystemDocumentStore filesystemDocumentStore(DocumentProperties properties, Clock clock) {
		return new FilesystemDocumentStore(properties.storageDir(), clock);
	}

	/**
	 * Documents on S3-compatible object storage; start-up fails here, saying why, when
	 * its bucket is missing or refuses the credentials.
	 */
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(DocumentStore.class)
	@ConditionalOnProperty(name = "motcua.documents.store", havingValue = "s3")
	S3DocumentStore s3DocumentStore(DocumentProperties properties, Clock clock) {
		return S3DocumentStore.connect(properties.s3(), properties.storageDir().resolve("staging"), clock);
	}

	@Bean("documentStoreHealthIndicator")
	@ConditionalOnProperty(name = "motcua.documents.store", havingValue = "s3")
	ObjectStorageHealth objectStorageHealth(S3DocumentStore store) {
		return new ObjectStorageHealth(store);
	}

	@Bean
	DocumentTypeDetector documentTypeDetector(DocumentProperties properties) {
		return new DocumentTypeDetector(ContentLimits.of(properties));
	}

	@Bean(destroyMethod = "close")
	TextExtractor textExtractor(DocumentProperties properties) {
		return new TextExtractor(properties.extractedTextChars(), properties.parseTimeout());
	}

	@Bean
	LetterRenderer letterRenderer() {
		return new LetterRenderer();
	}

}
