package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.documents.DocumentStore.StoredContent;
import io.motcua.app.documents.DocumentTypeDetector.Detection;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.DossierView;

/**
 * The benchmark's door to the package-private stages of document intake: times each stage
 * {@link DocumentService#check} and {@link DocumentService#attach} run for one file, with
 * the application's own beans, to say where the time of an accepted document goes. Lives
 * in the bench module only.
 */
public final class BenchDocuments {

	private final DocumentTypeDetector detector;

	private final TextExtractor extractor;

	private final DocumentStore store;

	private final DocumentProperties properties;

	private final DocumentService documents;

	private final DossierService dossiers;

	private final TransactionTemplate transactions;

	private final DocumentChecks checks;

	public BenchDocuments(ApplicationContext context) {
		this.detector = context.getBean(DocumentTypeDetector.class);
		this.extractor = context.getBean(TextExtractor.class);
		this.store = context.getBean(DocumentStore.class);
		this.properties = context.getBean(DocumentProperties.class);
		this.documents = context.getBean(DocumentService.class);
		this.checks = context.getBean(DocumentChecks.class);
		this.dossiers = context.getBean(DossierService.class);
		this.transactions = context.getBean(TransactionTemplate.class);
	}

	/**
	 * Milliseconds of each phase of {@link DocumentService#supplement} for one file, as
	 * the authenticated caller: finding the dossier, checking the file (staging,
	 * detection, text), attaching it in one transaction (store, row, search text,
	 * timeline, commit). What the content stored is deleted again.
	 */
	public Map<String, Double> phases(String dossierCode, String documentType, byte[] content, String fileName)
			throws IOException {
		long start = System.nanoTime();
		DossierView dossier = this.dossiers.find(dossierCode);
		long found = System.nanoTime();
		List<DocumentView> added;
		long checkedAt;
		try (CheckedFiles checked = this.checks.check(dossier.procedureCode(),
				List.of(new IncomingFile(documentType, fileName, () -> new ByteArrayInputStream(content))), dossierCode,
				false)) {
			checkedAt = System.nanoTime();
			added = this.transactions
				.execute((status) -> this.documents.attach(dossierCode, DocumentKind.SUPPLEMENT, checked));
		}
		long attached = System.nanoTime();
		for (DocumentView document : added) {
			this.store.delete(document.sha256());
		}
		Map<String, Double> millis = new LinkedHashMap<>();
		millis.put("find", (found - start) / 1e6);
		millis.put("check", (checkedAt - found) / 1e6);
		millis.put("attach", (attached - checkedAt) / 1e6);
		return millis;
	}

	/**
	 * Milliseconds of each stage for one file: staging the upload, type detection and
	 * checks, text extraction, storing (hash, write, fsync, move). What the content
	 * stored is deleted again.
	 * @throws IllegalStateException when the file is refused
	 */
	public Map<String, Double> stages(byte[] content, String fileName, Collection<String> formats) throws IOException {
		Path staging = Files.createDirectories(this.properties.storageDir().resolve("staging"));
		Path staged = Files.createTempFile(staging, "bench-", ".staged");
		try {
			long start = System.nanoTime();
			Files.write(staged, content);
			long written = System.nanoTime();
			Detection detection = this.detector.inspect(staged, fileName, formats);
			long detected = System.nanoTime();
			if (!detection.accepted()) {
				throw new IllegalStateException(fileName + " refused: " + detection.refusal());
			}
			this.extractor.extract(staged, detection.mediaType());
			long extracted = System.nanoTime();
			StoredContent stored;
			try (InputStream in = Files.newInputStream(staged)) {
				stored = this.store.put(in);
			}
			long put = System.nanoTime();
			this.store.delete(stored.sha256());
			Map<String, Double> millis = new LinkedHashMap<>();
			millis.put("stage", (written - start) / 1e6);
			millis.put("detect", (detected - written) / 1e6);
			millis.put("text", (extracted - detected) / 1e6);
			millis.put("store", (put - extracted) / 1e6);
			return millis;
		}
		finally {
			Files.deleteIfExists(staged);
		}
	}

}
