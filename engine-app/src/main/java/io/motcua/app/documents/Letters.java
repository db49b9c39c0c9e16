package io.motcua.app.documents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.documents.LetterRenderer.Field;
import io.motcua.app.documents.LetterRenderer.Letter;
import io.motcua.app.dossier.DossierOutcome;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierStatusChanged;
import io.motcua.app.dossier.DossierViews.DossierView;
import io.motcua.app.sla.DossierExtended;
import io.motcua.app.workflow.DossierTasks;
import io.motcua.app.workflow.StepKind;
import io.motcua.app.workflow.TaskView;

/**
 * The letters the office issues as a dossier moves: the supplement request (Form 02), the
 * refusal (Form 03) and the apology with a new appointment (Form 04), each after the
 * change that calls for it has committed, and once; and the result the approver signs.
 */
@Service
public class Letters {

	private final DocumentService documents;

	private final DossierService dossiers;

	private final DossierTasks steps;

	private final ProcedureCatalog catalog;

	private final LetterRenderer renderer;

	private final LetterTexts texts;

	Letters(DocumentService documents, DossierService dossiers, DossierTasks steps, ProcedureCatalog catalog,
			LetterRenderer renderer, LetterTexts texts) {
		this.documents = documents;
		this.dossiers = dossiers;
		this.steps = steps;
		this.catalog = catalog;
		this.renderer = renderer;
		this.texts = texts;
	}

	/** Form 02: what the applicant must bring, and why. */
	@ApplicationModuleListener(
			condition = "#changed.to() == T(io.motcua.app.dossier.DossierStatus).AWAITING_SUPPLEMENT")
	void supplementRequested(DossierStatusChanged changed) {
		String issuedFor = changed.to() + "@" + changed.at();
		if (this.documents.issuedFor(changed.dossierCode(), DocumentKind.SUPPLEMENT_REQUEST, issuedFor).isPresent()) {
			return;
		}
		DossierView dossier = this.dossiers.record(changed.dossierCode());
		List<String> missing = missingDocuments(dossier);
		Letter letter = new Letter(this.texts.unit(dossier.processingUnit()), "Mẫu số 02",
				"PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", fields(dossier, "Lý do", changed.reason()),
				"Hồ sơ cần bổ sung, hoàn thiện những nội dung sau:",
				missing.isEmpty() ? List.of("Theo lý do nêu trên.") : missing,
				List.of("Đề nghị ông/bà bổ sung, hoàn thiện hồ sơ theo nội dung trên.",
						"Mong ông/bà thông cảm vì sự bất tiện này."),
				null);
		this.documents.issue(dossier.code(), DocumentKind.SUPPLEMENT_REQUEST,
				"phieu-yeu-cau-bo-sung-" + dossier.code() + ".pdf", this.renderer.render(letter), issuedFor);
	}

	/**
	 * Form 03: why the dossier is refused, as the specialist who proposed it wrote it
	 * (the approver's own remark when the specialist gave none). Once: a refusal whose
	 * signed result did not verify becomes REJECTED again on its way back to signing, and
	 * is not refused twice.
	 */
	@ApplicationModuleListener(condition = "#changed.to() == T(io.motcua.app.dossier.DossierStatus).REJECTED"
			+ " && #changed.from() != T(io.motcua.app.dossier.DossierStatus).VERIFICATION_FAILED")
	void refused(DossierStatusChanged changed) {
		String issuedFor = changed.to() + "@" + changed.at();
		if (this.documents.issuedFor(changed.dossierCode(), DocumentKind.REFUSAL, issuedFor).isPresent()) {
			return;
		}
		DossierView dossier = this.dossiers.record(changed.dossierCode());
		String reason = this.steps.stepsOf(dossier.code())
			.stream()
			.filter((step) -> step.kind() == StepKind.REVIEW && step.completedAt() != null && step.comment() != null)
			.max(Comparator.comparing(TaskView::completedAt))
			.map(TaskView::comment)
			.orElse(changed.reason());
		List<String> missing = missingDocuments(dossier);
		Letter letter = new Letter(this.texts.unit(dossier.processingUnit()), "Mẫu số 03",
				"PHIẾU TỪ CHỐI TIẾP NHẬN, GIẢI QUYẾT HỒ SƠ", fields(dossier, "Lý do từ chối", reason),
				"Giấy tờ còn thiếu hoặc không hợp lệ:", missing.isEmpty() ? List.of("Theo lý do nêu trên.") : missing,
				List.of("Cơ quan tiếp nhận xin thông báo để ông/bà được biết.", "Xin trân trọng thông báo!"), null);
		this.documents.issue(dossier.code(), DocumentKind.REFUSAL, "phieu-tu-choi-" + dossier.code() + ".pdf",
				this.renderer.render(letter), issuedFor);
	}

	/** Form 04: the office apologises and gives a new appointment. */
	@ApplicationModuleListener
	void extended(DossierExtended extended) {
		String issuedFor = "EXTENDED@" + extended.at();
		if (this.documents.issuedFor(extended.dossierCode(), DocumentKind.APOLOGY, issuedFor).isPresent()) {
			return;
		}
		DossierView dossier = this.dossiers.record(extended.dossierCode());
		List<Field> fields = fields(dossier, "Lý do", extended.reason());
		fields.add(new Field("Hẹn trả kết quả trước đây", this.texts.dateTime(extended.previousDueAt())));
		fields.add(new Field("Hẹn lại ngày trả kết quả", this.texts.dateTime(extended.appointment())));
		Letter letter = new Letter(this.texts.unit(dossier.processingUnit()), "Mẫu số 04",
				"PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ", fields, null, List.of(),
				List.of("Cơ quan giải quyết hồ sơ xin lỗi ông/bà vì đã trả kết quả chậm so với thời gian hẹn.",
						"Kết quả sẽ được trả vào thời gian hẹn lại nêu trên."),
				null);
		this.documents.issue(dossier.code(), DocumentKind.APOLOGY, "phieu-xin-loi-" + dossier.code() + ".pdf",
				this.renderer.render(letter), issuedFor);
	}

	/**
	 * Renders and issues the result of a dossier (the decision, or the refusal when the
	 * dossier was rejected), unsigned, for the approver to sign. Its bottom right quarter
	 * is left free for the signature and the seal. Runs in the signing command.
	 */
	@Transactional
	public IssuedPdf issueResult(String dossierCode) {
		DossierView dossier = this.dossiers.record(dossierCode);
		boolean rejected = dossier.outcome() == DossierOutcome.REJECTED;
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("Mã hồ sơ", dossierCode));
		fields.add(new Field("Thủ tục", this.texts.procedure(dossier.procedureCode())));
		fields.add(new Field("Người nộp hồ sơ", dossier.applicant().fullName()));
		fields.add(new Field("Địa chỉ", dossier.applicant().address()));
		fields.add(new Field("Thời gian nhận hồ sơ", this.texts.dateTime(dossier.receivedAt())));
		fields.add(new Field("Kết quả giải quyết", rejected ? "Từ chối giải quyết hồ sơ" : "Chấp thuận"));
		Letter letter = new Letter(this.texts.unit(dossier.processingUnit()), "Mẫu kết quả",
				rejected ? "THÔNG BÁO TỪ CHỐI GIẢI QUYẾT HỒ SƠ" : "KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", fields, null,
				List.of(),
				List.of("Văn bản này được ký số theo Nghị định 30/2020/NĐ-CP; kiểm tra chữ ký số trên tệp PDF."), null);
		byte[] pdf = this.renderer.render(letter);
		return new IssuedPdf(
				this.documents.issue(dossierCode, DocumentKind.RESULT, "ket-qua-" + dossierCode + ".pdf", pdf), pdf);
	}

	/**
	 * A PDF the office issued, with its bytes.
	 *
	 * @param document the stored document
	 * @param pdf its content
	 */
	public record IssuedPdf(DocumentView document, byte[] pdf) {
	}

	private List<Field> fields(DossierView dossier, String reasonLabel, String reason) {
		List<Field> fields = new ArrayList<>();
		fields.add(new Field("Mã hồ sơ", dossier.code()));
		fields.add(new Field("Người nộp hồ sơ", dossier.applicant().fullName()));
		fields.add(new Field("Thủ tục", this.texts.procedure(dossier.procedureCode())));
		fields.add(new Field("Ngày nhận hồ sơ", this.texts.dateTime(dossier.receivedAt())));
		fields.add(new Field(reasonLabel,
				(reason != null && !reason.isBlank()) ? reason.trim() : "theo quy định của thủ tục"));
		return fields;
	}

	private List<String> missingDocuments(DossierView dossier) {
		Set<String> present = this.documents.documentsOf(dossier.code())
			.stream()
			.filter((document) -> !document.kind().isIssued())
			.map(DocumentView::documentType)
			.collect(Collectors.toCollection(LinkedHashSet::new));
		return this.catalog.find(dossier.procedureCode())
			.map((procedure) -> procedure.requiredDocuments()
				.stream()
				.filter((required) -> required.required() && !present.contains(required.type()))
				.map((required) -> required.name() + " (" + required.copies() + " bản)")
				.toList())
			.orElse(List.of());
	}

}
