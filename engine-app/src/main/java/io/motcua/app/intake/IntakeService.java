package io.motcua.app.intake;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.catalog.Procedure;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierService;
import io.motcua.app.dossier.DossierViews.ApplicantData;
import io.motcua.app.dossier.DossierViews.NewDossier;
import io.motcua.app.dossier.DossierViews.ReceivedDossier;
import io.motcua.app.security.Caller;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * Receives an application: checks it against the catalog, resolves the processing unit
 * from the caller's unit and the procedure's level, and registers the dossier.
 */
@Service
class IntakeService {

	private final ProcedureCatalog catalog;

	private final DossierService dossiers;

	private final StaffDirectory directory;

	IntakeService(ProcedureCatalog catalog, DossierService dossiers, StaffDirectory directory) {
		this.catalog = catalog;
		this.dossiers = dossiers;
		this.directory = directory;
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
		Caller caller = this.directory.currentCaller();
		String processingUnit = this.directory.processingUnitFor(caller.unitCode(), procedure.processingUnitType());
		IntakeRequest.ApplicantRequest applicant = request.applicant();
		return this.dossiers.register(new NewDossier(procedure.code(), procedure.version(), procedure.processKey(),
				request.channel(), new ApplicantData(applicant.fullName().trim(), applicant.identityNumber(),
						applicant.phone(), applicant.email(), applicant.address().trim()),
				formData, caller.unitCode(), processingUnit));
	}

}
