package io.motcua.app.documents;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the documents feature: the filesystem store unless another {@link DocumentStore}
 * bean (object storage) is defined, Tika behind the detector and the bounded extractor,
 * and scheduling for the orphan sweep.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class DocumentsConfiguration {

	@Bean
	@ConditionalOnMissingBean(DocumentStore.class)
	FilesystemDocumentStore filesystemDocumentStore(DocumentProperties properties, Clock clock) {
		return new FilesystemDocumentStore(properties.storageDir(), clock);
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
