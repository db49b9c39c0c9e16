package io.motcua.app.intake;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.context.ApplicationContext;

import io.motcua.app.catalog.Procedure.RequiredDocument;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierViews.ReceivedDossier;

/**
 * The benchmark's door to the intake service, which is package-private: the same call
 * {@code POST /api/v1/dossiers} makes, without HTTP. Lives in the bench module only.
 */
public final class BenchIntake {

	/** A valid application form of HKD-01 (household business registration). */
	static final ObjectNode FORM = form();

	private static ObjectNode form() {
		try {
			return (ObjectNode) new ObjectMapper().readTree("""
					{"business": {"name": "Cửa hàng tạp hóa Hoa Sen", "ownership": "individual",
					  "line": "Bán lẻ hàng tạp hóa", "capital": 50000000,
					  "address": "15 Cách Mạng Tháng Tám, Trấn Biên", "startDate": "2026-12-01"},
					 "commitment": true}""");
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private final IntakeService intake;

	private final ProcedureCatalog catalog;

	public BenchIntake(ApplicationContext context) {
		this.intake = context.getBean(IntakeService.class);
		this.catalog = context.getBean(ProcedureCatalog.class);
	}

	/**
	 * Receives a counter dossier for {@code procedureCode} as the authenticated clerk.
	 */
	public ReceivedDossier receive(String procedureCode, String identityNumber) {
		return this.intake.receive(new IntakeRequest(
				procedureCode, Channel.COUNTER, new IntakeRequest.ApplicantRequest("Nguyễn Văn An", identityNumber,
						"0912345678", "an@example.vn", "12 Võ Thị Sáu, Phường Trấn Biên, Đồng Nai"),
				FORM.deepCopy(), paperOriginals(procedureCode)));
	}

	/** The counter's checklist: every required document received on paper. */
	private List<IntakeRequest.PaperOriginalRequest> paperOriginals(String procedureCode) {
		return this.catalog.find(procedureCode)
			.orElseThrow()
			.requiredDocuments()
			.stream()
			.filter(RequiredDocument::required)
			.map((document) -> new IntakeRequest.PaperOriginalRequest(document.type(), document.copies()))
			.toList();
	}

}
