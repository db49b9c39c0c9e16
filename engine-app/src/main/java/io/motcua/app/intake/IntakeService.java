package io.motcua.app.intake;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.catalog.ProcedureForms;
import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.ApplicantData;
import io.motcua.app.dossier.DossierViews.NewDossier;
import io.motcua.app.dossier.DossierViews.ReceivedDossier;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;
import io.motcua.forms.FormDefinition;

/**
 * Receives an application: checks it against the catalog, resolves the processing unit
 * from the caller's unit and the procedure's level, and registers the dossier.
 */
@Service
class IntakeService {

	private final ProcedureCatalog catalog;

	private final DossierService dossiers;

	private final StaffDirectory directory;

	private final ProcedureForms forms;

	IntakeService(ProcedureCatalog catalog, DossierService dossiers, StaffDirectory directory, ProcedureForms forms) {
		this.catalog = catalog;
		this.dossiers = dossiers;
		this.directory = directory;
		this.forms = forms;
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

	@Transactional
	ReceivedDossier receive(IntakeRequest request) {
		Procedure procedure = this.catalog.find(request.procedureCode())
			.orElseThrow(() -> ProblemException.invalid("Unknown procedure " + request.procedureCode(),
					List.of(new FieldError("procedureCode", "no procedure with this code in the catalog"))));
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
		FormDefinition form = this.forms.definition(procedure.formId()).orElseThrow();
		Caller caller = this.directory.currentCaller();
		String processingUnit = this.directory.processingUnitFor(caller.unitCode(), procedure.processingUnitType());
		IntakeRequest.ApplicantRequest applicant = request.applicant();
		return this.dossiers
			.register(new NewDossier(procedure.code(), procedure.version(), procedure.processKey(), request.channel(),
					new ApplicantData(applicant.fullName().trim(), applicant.identityNumber(), applicant.phone(),
							applicant.email(), applicant.address().trim()),
					formData, form.id(), form.version(), caller.unitCode(), processingUnit));
	}

}
