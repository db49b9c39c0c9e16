package io.motcua.app.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.Procedure.RequiredDocument;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.documents.CheckedFiles.Staged;
import io.motcua.app.documents.DocumentTypeDetector.Detection;
import io.motcua.app.documents.Refusal.Reason;
import io.motcua.app.documents.TextExtractor.UnreadableDocumentException;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * Checks applicants' files before anything is stored: their names, document type, size,
 * the format read from their bytes, what that content may carry (see
 * {@link DocumentTypeDetector}), and their text for search. Every intake path (the API,
 * multipart intake, supplements, hand-overs from the portal) comes through here. A
 * refusal names each file with a stable reason code and a sentence in Vietnamese, or in
 * English when the request asks for it. Runs outside any transaction (reading files may
 * take seconds and must not hold a database connection).
 */
@Service
public class DocumentChecks {

	private static final Logger log = LoggerFactory.getLogger(DocumentChecks.class);

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
	 * type) with the reason and its code
	 */
	public CheckedFiles check(String procedureCode, List<IncomingFile> files, String dossierCode, boolean complete) {
		return check(procedureCode, files, dossierCode, complete, Set.of());
	}

	/**
	 * Checks every file as {@link #check(String, List, String, boolean)} does; a required
	 * document type in {@code onPaper} (ticked at the counter as a paper original
	 * received) needs no file.
	 * @throws ProblemException 422 naming each refused file and each required document
	 * neither among the files nor on paper
	 */
	public CheckedFiles check(String procedureCode, List<IncomingFile> files, String dossierCode, boolean complete,
			Set<String> onPaper) {
		Locale locale = LocaleContextHolder.getLocale();
		Procedure procedure = this.catalog.find(procedureCode)
			.orElseThrow(() -> ProblemException.invalid("Unknown procedure " + procedureCode,
					List.of(new FieldError("procedureCode", "no procedure with this code in the catalog"))));
		if (files.size() > this.properties.maxFilesPerRequest()) {
			Refusal refusal = new Refusal(Reason.TOO_MANY_FILES,
					"mỗi lần gửi tối đa " + this.properties.maxFilesPerRequest() + " tệp",
					"at most " + this.properties.maxFilesPerRequest() + " files may be sent at once");
			throw ProblemException.invalid(refusal.in(locale),
					List.of(new FieldError("files", refusal.in(locale), refusal.reason().code(), null)));
		}
		if (files.isEmpty() && !complete) {
			throw ProblemException.invalid("files",
					english(locale) ? "send at least one file, in a part named by its document type"
							: "hãy gửi ít nhất một tệp, trong phần mang tên loại giấy tờ của nó");
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
				String field = file.documentType();
				String shown = FileNames.shown(file.fileName());
				Refusal refused = FileNames.check(file.fileName(), this.properties.maxFileNameLength());
				if (refused != null) {
					errors.add(refusal(field, shown, refused, locale));
					continue;
				}
				String name = FileNames.safe(file.fileName(), file.documentType());
				RequiredDocument type = types.get(field);
				if (type == null) {
					errors.add(refusal(field, shown,
							new Refusal(Reason.UNKNOWN_DOCUMENT_TYPE,
									field + " không phải loại giấy tờ của thủ tục " + procedure.code()
											+ "; cần một trong: " + String.join(", ", types.keySet()),
									field + " is not a document type of procedure " + procedure.code()
											+ "; expected one of " + String.join(", ", types.keySet())),
							locale));
					continue;
				}
				Path temp = Files.createTempFile(staging, "upload-", ".staged");
				temps.add(temp);
				long size = copyAtMost(file, temp, maxFile + 1);
				if (size > maxFile) {
					errors.add(refusal(field, shown,
							new Refusal(Reason.FILE_TOO_LARGE,
									"tệp lớn hơn giới hạn " + megabytes(maxFile) + " mỗi tệp",
									"the file is larger than the limit of " + megabytes(maxFile) + " per file"),
							locale));
					continue;
				}
				total += size;
				Detection detection = this.detector.inspect(temp, name, type.formats());
				if (!detection.accepted()) {
					// Without the file's name: it may name the applicant.
					log.warn("Refused a {} file for {}: {} ({})", detection.mediaType(), field,
							detection.refusal().reason().code(), detection.refusal().english());
					errors.add(refusal(field, shown, detection.refusal(), locale));
					continue;
				}
				String text;
				try {
					text = this.extractor.extract(temp, detection.mediaType());
				}
				catch (UnreadableDocumentException ex) {
					errors.add(
							refusal(field, shown,
									new Refusal(Reason.UNREADABLE,
											"không đọc được nội dung tệp (" + ex.getMessage() + ")", ex.getMessage()),
									locale));
					continue;
				}
				staged.add(new Staged(field, name, temp, size, detection.mediaType(), text));
			}
			long maxTotal = this.properties.maxDossierSize().toBytes();
			if (total > maxTotal) {
				Refusal refusal = new Refusal(Reason.DOSSIER_TOO_LARGE,
						"các tệp của hồ sơ cộng lại " + megabytes(total) + ", vượt giới hạn " + megabytes(maxTotal)
								+ " mỗi hồ sơ",
						"the dossier's files add up to " + megabytes(total) + ", over the limit of "
								+ megabytes(maxTotal) + " per dossier");
				errors.add(new FieldError("files", refusal.in(locale), refusal.reason().code(), null));
			}
			if (complete) {
				Set<String> present = files.stream().map(IncomingFile::documentType).collect(Collectors.toSet());
				for (RequiredDocument required : procedure.requiredDocuments()) {
					if (required.required() && !present.contains(required.type())
							&& !onPaper.contains(required.type())) {
						String formats = String.join(", ", required.formats());
						Refusal refusal = new Refusal(Reason.MISSING_DOCUMENT,
								"thiếu: " + required.name() + " (" + required.copies() + " bản, định dạng " + formats
										+ ")",
								"missing: " + required.name() + " (" + required.copies() + " copy, formats " + formats
										+ ")");
						errors.add(new FieldError(required.type(), refusal.in(locale), refusal.reason().code(), null));
					}
				}
			}
			if (!errors.isEmpty()) {
				String list = errors.stream()
					.map((error) -> error.field() + ": " + error.message())
					.collect(Collectors.joining("; "));
				throw ProblemException.invalid(
						english(locale) ? errors.size() + " problem(s) with the documents; nothing was stored: " + list
								: errors.size() + " vấn đề với giấy tờ; chưa lưu gì: " + list,
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

	private static FieldError refusal(String field, String shown, Refusal refusal, Locale locale) {
		String file = (shown != null) ? shown : field;
		return new FieldError(field, "'" + file + "': " + refusal.in(locale), refusal.reason().code(), file);
	}

	private static boolean english(Locale locale) {
		return "en".equals(locale.getLanguage());
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
		return FileNames.safe(fileName, fallback);
	}

	static String megabytes(long bytes) {
		return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

}
