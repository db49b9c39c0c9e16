package io.motcua.app.intake;

import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;

import io.motcua.app.dossier.Channel;
import io.motcua.app.dossier.DossierViews.ApplicantData;
import io.motcua.app.dossier.DossierViews.PaperOriginal;
import io.motcua.app.dossier.DossierViews.ReceivedDossier;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;

/**
 * Intake at the counter for the staff web UI: the same checks as the API (the request's
 * constraints, the catalog, the procedure's form), then the dossier is registered.
 */
@Service
public class CounterIntake {

	private final IntakeService intake;

	private final Validator validator;

	CounterIntake(IntakeService intake, Validator validator) {
		this.intake = intake;
		this.validator = validator;
	}

	/**
	 * Receives an application.
	 * @param procedureCode the procedure applied for
	 * @param channel how it arrived
	 * @param applicant who applies
	 * @param formData the procedure's form without the applicant section, a JSON object,
	 * may be null when empty
	 * @param paperOriginals the documents ticked as received on paper, with their copies
	 * @return the dossier just received, with its lookup secret
	 * @throws ProblemException 422 naming every invalid field
	 * ({@code applicant.fullName}, {@code formData.business.name}, ...) and each required
	 * document not ticked (by its type code)
	 */
	public ReceivedDossier receive(String procedureCode, Channel channel, ApplicantData applicant, JsonNode formData,
			List<PaperOriginal> paperOriginals) {
		IntakeRequest request = new IntakeRequest(
				procedureCode, channel, new IntakeRequest.ApplicantRequest(applicant.fullName(),
						applicant.identityNumber(), applicant.phone(), applicant.email(), applicant.address()),
				formData,
				paperOriginals.stream()
					.map((original) -> new IntakeRequest.PaperOriginalRequest(original.documentType(),
							original.copies()))
					.toList());
		List<FieldError> errors = this.validator.validate(request)
			.stream()
			.sorted(Comparator
				.comparing((ConstraintViolation<IntakeRequest> violation) -> violation.getPropertyPath().toString()))
			.map((violation) -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("Invalid application", errors);
		}
		return this.intake.receive(request);
	}

}
