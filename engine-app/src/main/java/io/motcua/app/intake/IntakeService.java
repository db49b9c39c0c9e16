package io.motcua.app.intake;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.catalog.ProcedureForms;
import io.motcua.app.documents.Receipts;
import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.ApplicantData;
import io.motcua.app.dossier.DossierViews.NewDossier;
import io.motcua.app.dossier.DossierViews.PaperOriginal;
import io.motcua.app.dossier.DossierViews.ReceivedDossier;
import io.motcua.app.dossier.DossierViews.RegisteredDossier;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.sla.DeadlineService;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;
import io.motcua.app.workflow.SlaTimers;
import io.motcua.app.workflow.Workflow;
import io.motcua.forms.FormDefinition;

/**
 * Receives an application: checks it against the catalog and the counter's checklist
 * (every required document attached or received on paper), resolves the processing unit
 * from the caller's unit and the procedure's level, registers the dossier, opens its
 * deadline and starts its process.
 */
@Service
class IntakeService {

	private final ProcedureCatalog catalog;

	private final DossierService dossiers;

	private final StaffDirectory directory;

	private final ProcedureForms forms;

	private final DeadlineService deadlines;

	private final Workflow workflow;

	private final Receipts receipts;

	IntakeService(ProcedureCatalog catalog, DossierService dossiers, StaffDirectory directory, ProcedureForms forms,
			DeadlineService deadlines, Workflow workflow, Receipts receipts) {
		this.catalog = catalog;
		this.dossiers = dossiers;
		this.directory = directory;
		this.forms = forms;
		this.deadlines = deadlines;
		this.workflow = workflow;
		this.receipts = receipts;
	}

	/** The applicant's details as the form sees them: only what was given. */
	private static ObjectNode applicantSubmission(IntakeRequest.ApplicantRequest applicant) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		putIfPresent(node, "fullName", applicant.fullName());
		putIfPresent(node, "identityNumber", applicant.identityNumber());
		putIfPresent(node, "phone", applicant.phone());
		putIfPresent(node, "email", applicant.email());
		putIfPresent(node, "address", applicant.address());
		return node;
	}

	private static void putIfPresent(ObjectNode node, String field, String value) {
		if (value != null) {
			node.put(field, value);
		}
	}

	/**
	 * Fields of the form outside the applicant section live in {@code formData} of the
	 * request.
	 */
	private static String fieldOf(String path) {
		if (path.isEmpty()) {
			return "formData";
		}
		return path.startsWith("applicant.") || path.equals("applicant") ? path : "formData." + path;
	}

	/**
	 * Receives an application, in one transaction: check it against the catalog and the
	 * procedure's form → register the dossier → open its deadline → start its process →
	 * order its receipt (printed once this commits).
	 * @throws ProblemException 422 naming what is wrong; nothing is stored then
	 */
	@Transactional
	ReceivedDossier receive(IntakeRequest request) {
		return receive(request, this.directory.currentCaller().unitCode(), Set.of());
	}

	/** The unit a dossier the caller receives is received at, by default. */
	String callersUnit() {
		return this.directory.currentCaller().unitCode();
	}

	/**
	 * Receives an application at one of the caller's units (a machine client acting for
	 * several), with files of the document types {@code attached} (checked and stored by
	 * the caller, in the same transaction), as {@link #receive(IntakeRequest)} does.
	 * @throws ProblemException 422 naming what is wrong, the unit and each required
	 * document neither attached nor ticked as a paper original included
	 */
	@Transactional
	ReceivedDossier receive(IntakeRequest request, String receivingUnit, Set<String> attached) {
		Procedure procedure = this.catalog.find(request.procedureCode())
			.orElseThrow(() -> ProblemException.invalid("Unknown procedure " + request.procedureCode(),
					List.of(new FieldError("procedureCode", "no procedure with this code in the catalog"))));
		JsonNode formData = checkedFormData(request, procedure);
		List<PaperOriginal> paperOriginals = Checklist.check(procedure, request.paperOriginals(), attached);
		FormDefinition form = this.forms.definition(procedure.formId()).orElseThrow();
		Caller caller = this.directory.currentCaller();
		if (!caller.sees(receivingUnit)) {
			throw ProblemException.invalid("unit",
					"không có đơn vị '" + receivingUnit + "' trong phạm vi / unknown unit");
		}
		String processingUnit = this.directory.processingUnitFor(receivingUnit, procedure.processingUnitType());
		IntakeRequest.ApplicantRequest applicant = request.applicant();

		RegisteredDossier dossier = this.dossiers
			.register(new NewDossier(procedure.code(), procedure.version(), procedure.processKey(), request.channel(),
					new ApplicantData(applicant.fullName().trim(), applicant.identityNumber(), applicant.phone(),
							applicant.email(), applicant.address().trim()),
					formData, form.id(), form.version(), receivingUnit, processingUnit));
		SlaTimers timers = this.deadlines.open(dossier.code(), procedure.code(), dossier.receivedAt(),
				caller.username());
		String process = this.workflow.start(procedure.processKey(), dossier.code(), receivingUnit, processingUnit,
				timers);
		this.dossiers.processStarted(dossier.code(), process);
		this.dossiers.recordPaperOriginals(dossier.code(), paperOriginals);
		this.receipts.order(dossier.code(), dossier.lookupSecret());

		return new ReceivedDossier(dossier.code(), this.dossiers.facts(dossier.code()).status(), dossier.receivedAt(),
				timers.dueAt(), dossier.lookupSecret(), procedure.code(), receivingUnit, processingUnit,
				"/api/v1/dossiers/" + dossier.code() + "/receipt");
	}

	/**
	 * The application form with the applicant's details, valid against the procedure's
	 * form.
	 */
	private JsonNode checkedFormData(IntakeRequest request, Procedure procedure) {
		if (request.channel() == Channel.ONLINE && !procedure.onlineAllowed()) {
			throw ProblemException.invalid("channel", "procedure " + procedure.code() + " may not be submitted online");
		}
		JsonNode formData = (request.formData() == null || request.formData().isNull())
				? JsonNodeFactory.instance.objectNode() : request.formData();
		if (!formData.isObject()) {
			throw ProblemException.invalid("formData", "must be a JSON object");
		}
		if (formData.has("applicant")) {
			throw ProblemException.invalid("formData.applicant", "the applicant's details go in the applicant field");
		}
		ObjectNode submission = ((ObjectNode) formData).deepCopy();
		submission.set("applicant", applicantSubmission(request.applicant()));
		this.forms.requireValid(procedure.formId(), submission, "The application form of " + procedure.code(),
				IntakeService::fieldOf);
		return formData;
	}

}
