package io.motcua.app.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.Procedure.RequiredDocument;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.documents.CheckedFiles.Staged;
import io.motcua.app.documents.DocumentTypeDetector.Detection;
import io.motcua.app.documents.TextExtractor.UnreadableDocumentException;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * Checks applicants' files before anything is stored: document type, size, the format
 * read from their bytes, and their text for search. Runs outside any transaction (reading
 * files may take seconds and must not hold a database connection).
 */
@Service
public class DocumentChecks {

	private final DocumentRepository documents;

	private final DocumentTypeDetector detector;

	private final TextExtractor extractor;

	private final DocumentProperties properties;

	private final ProcedureCatalog catalog;

	DocumentChecks(DocumentRepository documents, DocumentTypeDetector detector, TextExtractor extractor,
			DocumentProperties properties, ProcedureCatalog catalog) {
		this.documents = documents;
		this.detector = detector;
		this.extractor = extractor;
		this.properties = properties;
		this.catalog = catalog;
	}

	/**
	 * Checks every file before anything is stored: each must be a document type of the
	 * procedure, within the size limits, and its bytes of a format that type accepts (see
	 * {@link DocumentTypeDetector}); its text is read for search.
	 * @param procedureCode the procedure the files are for
	 * @param files the files
	 * @param dossierCode the dossier they join (its stored files count towards the total
	 * limit), null for a new dossier
	 * @param complete whether every required document type must be among the files
	 * @return the checked files, staged; close them after attaching
	 * @throws ProblemException 422 naming each refused file (and each missing document
	 * type) with the reason
	 */
	public CheckedFiles check(String procedureCode, List<IncomingFile> files, String dossierCode, boolean complete) {
		Procedure procedure = this.catalog.find(procedureCode)
			.orElseThrow(() -> ProblemException.invalid("Unknown procedure " + procedureCode,
					List.of(new FieldError("procedureCode", "no procedure with this code in the catalog"))));
		if (files.size() > this.properties.maxFilesPerRequest()) {
			throw ProblemException.invalid("files",
					"at most " + this.properties.maxFilesPerRequest() + " files may be sent at once");
		}
		if (files.isEmpty() && !complete) {
			throw ProblemException.invalid("files", "send at least one file, in a part named by its document type");
		}
		Map<String, RequiredDocument> types = procedure.requiredDocuments()
			.stream()
			.collect(Collectors.toMap(RequiredDocument::type, Function.identity()));
		long maxFile = this.properties.maxFileSize().toBytes();
		long total = (dossierCode != null) ? this.documents.totalSize(dossierCode, DocumentKind.BROUGHT_BY_APPLICANT)
				: 0;
		List<FieldError> errors = new ArrayList<>();
		List<Staged> staged = new ArrayList<>();
		List<Path> temps = new ArrayList<>();
		boolean success = false;
		try {
			Path staging = stagingDir();
			for (IncomingFile file : files) {
				String name = safeFileName(file.fileName(), file.documentType());
				String field = file.documentType();
				RequiredDocument type = types.get(field);
				if (type == null) {
					errors
						.add(new FieldError(field, "'" + name + "': " + field + " is not a document type of procedure "
								+ procedure.code() + "; expected one of " + String.join(", ", types.keySet())));
					continue;
				}
				Path temp = Files.createTempFile(staging, "upload-", ".staged");
				temps.add(temp);
				long size = copyAtMost(file, temp, maxFile + 1);
				if (size > maxFile) {
					errors.add(new FieldError(field, "'" + name + "': the file is larger than the limit of "
							+ megabytes(maxFile) + " per file"));
					continue;
				}
				total += size;
				Detection detection = this.detector.inspect(temp, name, type.formats());
				if (!detection.accepted()) {
					errors.add(new FieldError(field, "'" + name + "': " + detection.refusal()));
					continue;
				}
				String text;
				try {
					text = this.extractor.extract(temp, detection.mediaType());
				}
				catch (UnreadableDocumentException ex) {
					errors.add(new FieldError(field, "'" + name + "': " + ex.getMessage()));
					continue;
				}
				staged.add(new Staged(field, name, temp, size, detection.mediaType(), text));
			}
			long maxTotal = this.properties.maxDossierSize().toBytes();
			if (total > maxTotal) {
				errors.add(new FieldError("files", "the dossier's files add up to " + megabytes(total)
						+ ", over the limit of " + megabytes(maxTotal) + " per dossier"));
			}
			if (complete) {
				Set<String> present = files.stream().map(IncomingFile::documentType).collect(Collectors.toSet());
				for (RequiredDocument required : procedure.requiredDocuments()) {
					if (required.required() && !present.contains(required.type())) {
						errors.add(new FieldError(required.type(), "missing: " + required.name() + " ("
								+ required.copies() + " copy, formats " + String.join(", ", required.formats()) + ")"));
					}
				}
			}
			if (!errors.isEmpty()) {
				throw ProblemException.invalid(errors.size() + " problem(s) with the documents; nothing was stored: "
						+ errors.stream()
							.map((error) -> error.field() + ": " + error.message())
							.collect(Collectors.joining("; ")),
						errors);
			}
			success = true;
			return new CheckedFiles(staged);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot stage uploaded files", ex);
		}
		finally {
			if (!success) {
				new CheckedFiles(temps.stream().map((path) -> new Staged("", "", path, 0, "", "")).toList()).close();
			}
		}
	}

	private Path stagingDir() throws IOException {
		return Files.createDirectories(this.properties.storageDir().resolve("staging"));
	}

	private static long copyAtMost(IncomingFile file, Path target, long limit) throws IOException {
		try (InputStream in = file.content().open(); OutputStream out = Files.newOutputStream(target)) {
			byte[] buffer = new byte[64 * 1024];
			long total = 0;
			int n;
			while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) >= 0) {
				out.write(buffer, 0, n);
				total += n;
			}
			return total;
		}
	}

	/** The last path segment, without control characters, at most 200 characters. */
	static String safeFileName(String fileName, String fallback) {
		String name = (fileName != null) ? fileName.replace('\\', '/') : "";
		name = name.substring(name.lastIndexOf('/') + 1);
		name = name.codePoints()
			.filter((c) -> !Character.isISOControl(c) && c != '"')
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = fallback;
		}
		return (name.length() > 200) ? name.substring(name.length() - 200) : name;
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
