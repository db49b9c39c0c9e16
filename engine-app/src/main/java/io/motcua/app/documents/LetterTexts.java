package io.motcua.app.documents;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import io.motcua.app.catalog.Procedure.RequiredDocument;
import io.motcua.app.catalog.ProcedureCatalog;
import io.motcua.app.dossier.DossierProperties;
import io.motcua.app.security.StaffDirectory;

/**
 * How the office's letters word what they print: dates in the dossier's time zone,
 * procedures, units and document types by their official names.
 */
@Component
class LetterTexts {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

	private final ProcedureCatalog catalog;

	private final StaffDirectory directory;

	private final DossierProperties dossierProperties;

	LetterTexts(ProcedureCatalog catalog, StaffDirectory directory, DossierProperties dossierProperties) {
		this.catalog = catalog;
		this.directory = directory;
		this.dossierProperties = dossierProperties;
	}

	String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(this.dossierProperties.zone()))
				: "(tạm dừng, sẽ thông báo sau)";
	}

	String procedure(String procedureCode) {
		return this.catalog.find(procedureCode)
			.map((procedure) -> procedure.name() + " (" + procedure.code() + ")")
			.orElse(procedureCode);
	}

	String documentType(String procedureCode, String documentType) {
		return this.catalog.find(procedureCode)
			.flatMap((procedure) -> procedure.requiredDocuments()
				.stream()
				.filter((required) -> required.type().equals(documentType))
				.findFirst())
			.map(RequiredDocument::name)
			.orElse(documentType);
	}

	/** The documents of a procedure, in the catalog's order. */
	java.util.List<RequiredDocument> documentTypes(String procedureCode) {
		return this.catalog.find(procedureCode)
			.map(io.motcua.app.catalog.Procedure::requiredDocuments)
			.orElse(java.util.List.of());
	}

	String unit(String unitCode) {
		return this.directory.unitName(unitCode);
	}

	/** A member of staff as a letter names them: full name and username. */
	String staff(String username) {
		return this.directory.fullName(username).map((name) -> name + " (" + username + ")").orElse(username);
	}

}
