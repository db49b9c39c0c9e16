package io.motcua.app.documents;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.catalog.Procedure.RequiredDocument;
import io.motcua.app.documents.LetterRenderer.Field;
import io.motcua.app.documents.LetterRenderer.Letter;
import io.motcua.app.dossier.DossierReceived;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.system.ProblemException;

/**
 * The receipt (Form 01 of Circular 03/2025): dossier code, lookup secret with a QR code
 * to the public lookup, the documents received and the appointment. Ordered in the
 * intake's transaction and printed after it commits; a clerk who asks for it before that
 * gets it printed on the spot, and either way it is printed once.
 */
@Service
public class Receipts {

	private static final Logger log = LoggerFactory.getLogger(Receipts.class);

	/** What a receipt is issued for: a dossier has one. */
	static final String ISSUED_FOR = "RECEIPT";

	private final ReceiptOrders orders;

	private final DocumentService documents;

	private final DossierService dossiers;

	private final LetterRenderer renderer;

	private final LetterTexts texts;

	private final DocumentProperties properties;

	private final Clock clock;

	Receipts(ReceiptOrders orders, DocumentService documents, DossierService dossiers, LetterRenderer renderer,
			LetterTexts texts, DocumentProperties properties, Clock clock) {
		this.orders = orders;
		this.documents = documents;
		this.dossiers = dossiers;
		this.renderer = renderer;
		this.texts = texts;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Orders the receipt of a dossier being received, in the intake's transaction; it is
	 * printed once the intake commits.
	 */
	@Transactional
	public void order(String dossierCode, String lookupSecret) {
		this.orders.add(dossierCode, lookupSecret, this.clock.instant());
	}

	/**
	 * The receipt of a dossier the caller may see, to download: printed now if the
	 * reaction after intake has not printed it yet. The download is noted in the
	 * timeline.
	 * @throws ProblemException 404 when the caller may not see the dossier, or it has no
	 * receipt
	 */
	@Transactional
	public DocumentService.Download download(String dossierCode) {
		this.dossiers.find(dossierCode);
		DocumentView receipt = print(dossierCode)
			.or(() -> this.documents.latestIssued(dossierCode, DocumentKind.RECEIPT))
			.orElseThrow(() -> ProblemException.notFound("Dossier " + dossierCode + " has no receipt"));
		return this.documents.download(dossierCode, receipt.id());
	}

	@ApplicationModuleListener
	void on(DossierReceived received) {
		print(received.dossierCode());
	}

	/**
	 * The receipt's checklist: each document of the procedure received, as a file ("bản
	 * điện tử", with its file names) or on paper ("bản giấy: N bản"), or both.
	 */
	private List<String> received(DossierView dossier) {
		Map<String, List<String>> files = new LinkedHashMap<>();
		this.documents.documentsOf(dossier.code())
			.stream()
			.filter((document) -> !document.kind().isIssued())
			.forEach((document) -> files.computeIfAbsent(document.documentType(), (type) -> new ArrayList<>())
				.add(document.fileName()));
		Map<String, Integer> paper = new LinkedHashMap<>();
		dossier.paperOriginals().forEach((original) -> paper.put(original.documentType(), original.copies()));
		List<String> items = new ArrayList<>();
		for (RequiredDocument type : this.texts.documentTypes(dossier.procedureCode())) {
			List<String> ways = new ArrayList<>();
			List<String> names = files.remove(type.type());
			if (names != null) {
				ways.add("bản điện tử (" + String.join(", ", names) + ")");
			}
			Integer copies = paper.get(type.type());
			if (copies != null) {
				ways.add("bản giấy: " + copies + " bản");
			}
			if (!ways.isEmpty()) {
				items.add(type.name() + ": " + String.join("; ", ways));
			}
			else if (type.required()) {
				// Intake refuses this; a dossier from before the checklist
				items.add(type.name() + ": chưa ghi nhận");
			}
		}
		// Files of a type the procedure no longer lists
		files.forEach((type, names) -> items.add(type + ": bản điện tử (" + String.join(", ", names) + ")"));
		return items;
	}

	/** Prints an ordered receipt; empty when there is no order (it was printed). */
	private Optional<DocumentView> print(String dossierCode) {
		Optional<String> secret = this.orders.lockPending(dossierCode);
		if (secret.isEmpty()) {
			return Optional.empty();
		}
		DossierView dossier = this.dossiers.record(dossierCode);
		String url = this.properties.publicBaseUrl().replaceAll("/+$", "") + "/lookup?code="
				+ URLEncoder.encode(dossierCode, StandardCharsets.UTF_8) + "&secret="
				+ URLEncoder.encode(secret.get(), StandardCharsets.UTF_8);
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("Mã hồ sơ", dossierCode));
		fields.add(new Field("Mã tra cứu", secret.get()));
		fields.add(new Field("Người nộp hồ sơ", dossier.applicant().fullName()));
		fields.add(new Field("Địa chỉ", dossier.applicant().address()));
		if (dossier.applicant().phone() != null) {
			fields.add(new Field("Số điện thoại", dossier.applicant().phone()));
		}
		fields.add(new Field("Thủ tục", this.texts.procedure(dossier.procedureCode())));
		fields.add(new Field("Thời gian nhận hồ sơ", this.texts.dateTime(dossier.receivedAt())));
		fields.add(new Field("Thời gian hẹn trả kết quả", this.texts.dateTime(dossier.dueAt())));
		fields.add(new Field("Người tiếp nhận", this.texts.staff(dossier.receivedBy())));
		List<String> items = received(dossier);
		Letter letter = new Letter(this.texts.unit(dossier.receivingUnit()), "Mẫu số 01",
				"GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", fields, "Giấy tờ đã nhận:",
				items.isEmpty() ? List.of("(không có giấy tờ)") : items,
				List.of("Khi đến nhận kết quả, ông/bà mang theo Giấy tiếp nhận này.",
						"Tra cứu tình trạng hồ sơ bằng mã hồ sơ và mã tra cứu, hoặc quét mã QR dưới đây."),
				url);
		DocumentView receipt = this.documents.issue(dossierCode, DocumentKind.RECEIPT,
				"giay-tiep-nhan-" + dossierCode + ".pdf", this.renderer.render(letter), ISSUED_FOR);
		this.orders.remove(dossierCode);
		log.debug("Receipt of dossier {} printed", dossierCode);
		return Optional.of(receipt);
	}

}
