package io.motcua.app.documents;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.Procedure.RequiredDocument;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.documents.CheckedFiles.Staged;
import io.motcua.app.documents.DocumentStore.StoredContent;
import io.motcua.app.documents.DocumentTypeDetector.Detection;
import io.motcua.app.documents.LetterRenderer.Field;
import io.motcua.app.documents.LetterRenderer.Letter;
import io.motcua.app.documents.TextExtractor.UnreadableDocumentException;
import io.motcua.app.dossier.DossierOutcome;
import io.motcua.app.dossier.DossierReceived;
import io.motcua.app.dossier.DossierProperties;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierViews.DossierFacts;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.DossierStepReached;
import io.motcua.app.workflow.DossierTaskCompleted;

/**
 * The public face of the documents feature: checks applicants' files before anything is
 * stored, attaches them to dossiers (content first, then the row that points to it),
 * issues the receipt and letters, lists and serves documents within the caller's scope.
 * Every upload, issue and download is written to the dossier's timeline.
 */
@Service
public class DocumentService {

	private static final Logger log = LoggerFactory.getLogger(DocumentService.class);

	private static final List<DocumentKind> APPLICANT_KINDS = List.of(DocumentKind.APPLICATION,
			DocumentKind.SUPPLEMENT);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

	private static final String REASON_KEY = DocumentService.class.getName() + ".reason.";

	private final DocumentRepository documents;

	private final DocumentStore store;

	private final DocumentTypeDetector detector;

	private final TextExtractor extractor;

	private final LetterRenderer renderer;

	private final DocumentProperties properties;

	private final DossierService dossiers;

	private final ProcedureCatalog catalog;

	private final StaffDirectory directory;

	private final DossierProperties dossierProperties;

	private final Clock clock;

	private final TransactionTemplate transactions;

	DocumentService(DocumentRepository documents, DocumentStore store, DocumentTypeDetector detector,
			TextExtractor extractor, LetterRenderer renderer, DocumentProperties properties, DossierService dossiers,
			ProcedureCatalog catalog, StaffDirectory directory, DossierProperties dossierProperties, Clock clock,
			TransactionTemplate transactions) {
		this.transactions = transactions;
		this.documents = documents;
		this.store = store;
		this.detector = detector;
		this.extractor = extractor;
		this.renderer = renderer;
		this.properties = properties;
		this.dossiers = dossiers;
		this.catalog = catalog;
		this.directory = directory;
		this.dossierProperties = dossierProperties;
		this.clock = clock;
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
		long total = (dossierCode != null) ? this.documents.totalSize(dossierCode, APPLICANT_KINDS) : 0;
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

	/**
	 * Attaches checked files to a dossier: stores each content durably, then writes the
	 * row that points to it, feeds the extracted text to the dossier search and notes the
	 * upload in the timeline. A later file of the same document type becomes a new
	 * version of it. Runs in the caller's transaction: when it rolls back, the stored
	 * content stays behind without a row and the orphan sweep removes it.
	 */
	@Transactional
	public List<DocumentView> attach(String dossierCode, DocumentKind kind, CheckedFiles files) {
		String actor = this.directory.currentActor();
		Instant now = this.clock.instant();
		Map<String, Document> previous = new HashMap<>();
		for (String type : files.files().stream().map(Staged::documentType).collect(Collectors.toSet())) {
			this.documents.findFirstByDossierCodeAndDocumentTypeOrderByIdDesc(dossierCode, type)
				.ifPresent((document) -> previous.put(type, document));
		}
		List<DocumentView> views = new ArrayList<>();
		for (Staged file : files.files()) {
			StoredContent content;
			try (InputStream in = Files.newInputStream(file.path())) {
				content = this.store.put(in);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot store a document of dossier " + dossierCode, ex);
			}
			Document document = this.documents
				.save(new Document(dossierCode, kind, file.documentType(), file.fileName(), file.mediaType(),
						content.size(), content.sha256(), actor, now, previous.get(file.documentType())));
			this.dossiers.appendSearchText(dossierCode, file.text());
			this.dossiers.note(dossierCode, "DOCUMENT_UPLOADED", describe(document));
			views.add(DocumentView.of(document));
		}
		return views;
	}

	/**
	 * The applicant brings documents for a dossier after intake (a supplement).
	 * @throws ProblemException 404 when the caller may not see the dossier, 409 when it
	 * is finished, 422 when a file is refused
	 */
	public List<DocumentView> supplement(String dossierCode, List<IncomingFile> files) {
		DossierView dossier = this.dossiers.find(dossierCode);
		if (dossier.status().isFinal() || dossier.completedAt() != null) {
			throw ProblemException
				.conflict("Dossier " + dossierCode + " is " + dossier.status() + " and takes no more documents");
		}
		// Files are read outside the transaction: parsing must not hold a connection.
		try (CheckedFiles checked = check(dossier.procedureCode(), files, dossierCode, false)) {
			return this.transactions.execute((status) -> attach(dossierCode, DocumentKind.SUPPLEMENT, checked));
		}
	}

	/**
	 * Stores a document the office issues (a result, a signed result, an apology letter)
	 * and notes it in the dossier's timeline. Runs in the caller's transaction.
	 * @param kind an issued kind ({@link DocumentKind#isIssued()})
	 * @param fileName the file name to serve it under
	 * @param pdf its content
	 */
	@Transactional
	public DocumentView issue(String dossierCode, DocumentKind kind, String fileName, byte[] pdf) {
		if (!kind.isIssued()) {
			throw new IllegalArgumentException(kind + " documents are brought by the applicant, not issued");
		}
		this.dossiers.facts(dossierCode);
		return store(dossierCode, kind, safeFileName(fileName, kind.name().toLowerCase() + ".pdf"), pdf);
	}

	/**
	 * Issues the receipt (Form 01 of Circular 03/2025) of a dossier just received: code,
	 * lookup secret and a QR code to the public lookup, documents received, appointment
	 * date.
	 */
	@Transactional
	public DocumentView issueReceipt(String dossierCode, String lookupSecret) {
		DossierView dossier = this.dossiers.find(dossierCode);
		String procedureName = procedureName(dossier.procedureCode());
		String url = this.properties.publicBaseUrl().replaceAll("/+$", "") + "/lookup?code="
				+ URLEncoder.encode(dossierCode, StandardCharsets.UTF_8) + "&secret="
				+ URLEncoder.encode(lookupSecret, StandardCharsets.UTF_8);
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("Mã hồ sơ", dossierCode));
		fields.add(new Field("Mã tra cứu", lookupSecret));
		fields.add(new Field("Người nộp hồ sơ", dossier.applicant().fullName()));
		fields.add(new Field("Địa chỉ", dossier.applicant().address()));
		if (dossier.applicant().phone() != null) {
			fields.add(new Field("Số điện thoại", dossier.applicant().phone()));
		}
		fields.add(new Field("Thủ tục", procedureName));
		fields.add(new Field("Thời gian nhận hồ sơ", format(dossier.receivedAt())));
		fields.add(new Field("Thời gian hẹn trả kết quả", format(dossier.dueAt())));
		fields.add(new Field("Người tiếp nhận",
				this.directory.currentCallerIfAny()
					.map((caller) -> caller.fullName() + " (" + caller.username() + ")")
					.orElse(this.directory.currentActor())));
		List<String> items = this.documents.findByDossierCodeOrderByIdAsc(dossierCode)
			.stream()
			.filter((document) -> !document.kind().isIssued())
			.map((document) -> documentName(dossier.procedureCode(), document.documentType()) + ": "
					+ document.originalName())
			.toList();
		Letter letter = new Letter(unitName(dossier.receivingUnit()), "Mẫu số 01",
				"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", fields, "Thành phần hồ sơ đã nhận:",
				items.isEmpty() ? List.of("(không có tệp đính kèm)") : items,
				List.of("Khi đến nhận kết quả, ông/bà mang theo Giấy tiếp nhận này.",
						"Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu, hoặc quét mã QR dưới đây."),
				url);
		return store(dossierCode, DocumentKind.RECEIPT, "giay-tiep-nhan-" + dossierCode + ".pdf",
				this.renderer.render(letter));
	}

	/** Documents of a dossier the caller may see, oldest first. */
	@Transactional(readOnly = true)
	public List<DocumentView> list(String dossierCode) {
		this.dossiers.find(dossierCode);
		return this.documents.findByDossierCodeOrderByIdAsc(dossierCode).stream().map(DocumentView::of).toList();
	}

	/**
	 * One document's content, checked against its hash before it is served; the download
	 * is noted in the timeline.
	 * @throws ProblemException 404 when the caller may not see the dossier or the
	 * document
	 * @throws DocumentCorruptedException when the stored content is damaged or missing
	 */
	@Transactional
	public Download download(String dossierCode, long id) {
		this.dossiers.find(dossierCode);
		Document document = this.documents.findByIdAndDossierCode(id, dossierCode)
			.orElseThrow(() -> ProblemException.notFound("No document " + id + " in dossier " + dossierCode));
		verify(document);
		this.dossiers.note(dossierCode, "DOCUMENT_DOWNLOADED", describe(document));
		String sha256 = document.sha256();
		return new Download(DocumentView.of(document), () -> this.store.get(sha256));
	}

	/**
	 * Renders and issues the result of a dossier the caller may see (the decision, or the
	 * refusal when the dossier was rejected), unsigned, for the approver to sign. Its
	 * bottom right quarter is left free for the signature and the seal.
	 */
	@Transactional
	public IssuedPdf issueResult(String dossierCode) {
		DossierView dossier = this.dossiers.find(dossierCode);
		boolean rejected = dossier.outcome() == DossierOutcome.REJECTED;
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("Mã hồ sơ", dossierCode));
		fields.add(new Field("Thủ tục", procedureName(dossier.procedureCode())));
		fields.add(new Field("Người nộp hồ sơ", dossier.applicant().fullName()));
		fields.add(new Field("Địa chỉ", dossier.applicant().address()));
		fields.add(new Field("Thời gian nhận hồ sơ", format(dossier.receivedAt())));
		fields.add(new Field("Kết quả giải quyết", rejected ? "Từ chối giải quyết hồ sơ" : "Chấp thuận"));
		Letter letter = new Letter(unitName(dossier.processingUnit()), "Mẫu kết quả",
				rejected ? "THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ" : "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", fields, null,
				List.of(),
				List.of("Văn bản này được ký số theo Nghị định 30/2020/NĐ-CP; kiểm tra chữ ký số trên tệp PDF."), null);
		byte[] pdf = this.renderer.render(letter);
		return new IssuedPdf(issue(dossierCode, DocumentKind.RESULT, "ket-qua-" + dossierCode + ".pdf", pdf), pdf);
	}

	/**
	 * A PDF the office issued, with its bytes.
	 *
	 * @param document the stored document
	 * @param pdf its content
	 */
	public record IssuedPdf(DocumentView document, byte[] pdf) {
	}

	/**
	 * The latest document of a kind the office issued for a dossier, whoever asks (engine
	 * jobs).
	 */
	@Transactional(readOnly = true)
	public Optional<DocumentView> latestIssued(String dossierCode, DocumentKind kind) {
		return this.documents.findFirstByDossierCodeAndDocumentTypeOrderByIdDesc(dossierCode, kind.name())
			.map(DocumentView::of);
	}

	/**
	 * The stored bytes of a document, checked against its hash; for engine jobs (no
	 * caller).
	 */
	public byte[] storedContent(DocumentView document) {
		try (InputStream in = this.store.get(document.sha256())) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The content of a document the caller may see, for other features (signing). */
	public byte[] content(String dossierCode, long id) {
		Download download = download(dossierCode, id);
		try (InputStream in = download.content().open()) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every dossier gets its receipt at intake, after the deadline ledger has set the
	 * appointment; an intake with documents issues a fuller one once they are attached.
	 */
	@EventListener
	@Order(Ordered.LOWEST_PRECEDENCE)
	void on(DossierReceived received) {
		issueReceipt(received.dossierCode(), received.lookupSecret());
	}

	@EventListener
	void on(DossierTaskCompleted completed) {
		// The reason of a supplement request or refusal is the comment of the decision
		// that leads to it, in the same transaction; remembered for that transaction
		// only.
		if (completed.comment() != null && !completed.comment().isBlank()
				&& TransactionSynchronizationManager.isSynchronizationActive()) {
			String key = REASON_KEY + completed.dossierCode();
			if (TransactionSynchronizationManager.hasResource(key)) {
				TransactionSynchronizationManager.unbindResource(key);
			}
			else {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						TransactionSynchronizationManager.unbindResourceIfPossible(key);
					}
				});
			}
			TransactionSynchronizationManager.bindResource(key, completed.comment().trim());
		}
	}

	@EventListener
	void on(DossierStepReached step) {
		if (DossierStatus.AWAITING_SUPPLEMENT.name().equals(step.status())) {
			issueLetter(step.dossierCode(), DocumentKind.SUPPLEMENT_REQUEST);
		}
		else if (DossierStatus.REJECTED.name().equals(step.status())) {
			issueLetter(step.dossierCode(), DocumentKind.REFUSAL);
		}
	}

	/** Form 02 (supplement request) or Form 03 (refusal). */
	private void issueLetter(String dossierCode, DocumentKind kind) {
		DossierFacts facts = this.dossiers.facts(dossierCode);
		Object reason = TransactionSynchronizationManager.getResource(REASON_KEY + dossierCode);
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("Mã hồ sơ", dossierCode));
		if (this.directory.currentCallerIfAny().isPresent()) {
			fields.add(new Field("Người nộp hồ sơ", this.dossiers.find(dossierCode).applicant().fullName()));
		}
		fields.add(new Field("Thủ tục", procedureName(facts.procedureCode())));
		fields.add(new Field("Ngày nhận hồ sơ", format(facts.receivedAt())));
		fields.add(new Field((kind == DocumentKind.REFUSAL) ? "Lý do từ chối" : "Lý do",
				(reason != null) ? reason.toString() : "theo quy định của thủ tục"));
		List<String> missing = missingDocuments(dossierCode, facts.procedureCode());
		boolean refusal = kind == DocumentKind.REFUSAL;
		Letter letter = new Letter(unitName(facts.processingUnit()), refusal ? "Mẫu số 03" : "Mẫu số 02",
				refusal ? "PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ" : "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ",
				fields,
				refusal ? "Giấy tờ còn thiếu hoặc không hợp lệ:" : "Hồ sơ cần bổ sung, hoàn thiện những nội dung sau:",
				missing.isEmpty() ? List.of("Theo lý do nêu trên.") : missing,
				refusal ? List.of("Cơ quan tiếp nhận xin thông báo để ông/bà được biết.", "Xin trân trọng thông báo!")
						: List.of("Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ theo nội dung trên.",
								"Mong ông/bà thông cảm vì sự bất tiện này."),
				null);
		String prefix = refusal ? "phieu-tu-choi-" : "phieu-yeu-cau-bo-sung-";
		store(dossierCode, kind, prefix + dossierCode + ".pdf", this.renderer.render(letter));
	}

	private List<String> missingDocuments(String dossierCode, String procedureCode) {
		Set<String> present = this.documents.findByDossierCodeOrderByIdAsc(dossierCode)
			.stream()
			.filter((document) -> !document.kind().isIssued())
			.map(Document::documentType)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return this.catalog.find(procedureCode)
			.map((procedure) -> procedure.requiredDocuments()
				.stream()
				.filter((required) -> required.required() && !present.contains(required.type()))
				.map((required) -> required.name() + " (" + required.copies() + " bản)")
				.toList())
			.orElse(List.of());
	}

	private DocumentView store(String dossierCode, DocumentKind kind, String fileName, byte[] pdf) {
		StoredContent content;
		try {
			content = this.store.put(new ByteArrayInputStream(pdf));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot store the " + kind + " of dossier " + dossierCode, ex);
		}
		Document previous = this.documents.findFirstByDossierCodeAndDocumentTypeOrderByIdDesc(dossierCode, kind.name())
			.orElse(null);
		Document document = this.documents
			.save(new Document(dossierCode, kind, kind.name(), fileName, "application/pdf", content.size(),
					content.sha256(), this.directory.currentActor(), this.clock.instant(), previous));
		this.dossiers.note(dossierCode, "DOCUMENT_ISSUED", describe(document));
		log.info("Issued {} of dossier {} as document {}", kind, dossierCode, document.id());
		return DocumentView.of(document);
	}

	private void verify(Document document) {
		try (InputStream in = this.store.get(document.sha256())) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		catch (NoSuchFileException ex) {
			throw new DocumentCorruptedException(document.sha256(), "nothing: the stored file is missing");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read stored document " + document.sha256(), ex);
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

	private String describe(Document document) {
		return document.kind() + " " + document.documentType() + " v" + document.documentVersion() + " #"
				+ document.id() + ": " + document.originalName() + " (" + document.mediaType() + ", " + document.size()
				+ " bytes)";
	}

	private String format(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.dossierProperties.zone()))
				: "(tạm dừng, sẽ thông báo sau)";
	}

	private String procedureName(String procedureCode) {
		return this.catalog.find(procedureCode)
			.map((procedure) -> procedure.name() + " (" + procedure.code() + ")")
			.orElse(procedureCode);
	}

	private String documentName(String procedureCode, String documentType) {
		return this.catalog.find(procedureCode)
			.flatMap((procedure) -> procedure.requiredDocuments()
				.stream()
				.filter((required) -> required.type().equals(documentType))
				.findFirst())
			.map(RequiredDocument::name)
			.orElse(documentType);
	}

	private String unitName(String unitCode) {
		return this.directory.unit(unitCode).map(StaffDirectory.UnitView::name).orElse(unitCode);
	}

	private static String megabytes(long bytes) {
		return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	/**
	 * A document to serve.
	 *
	 * @param document what it is
	 * @param content opens its bytes (checked against the hash as they are read)
	 */
	public record Download(DocumentView document, IncomingFile.Content content) {
	}

}
