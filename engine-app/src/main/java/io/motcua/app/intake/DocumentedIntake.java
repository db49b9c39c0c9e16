package io.motcua.app.intake;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.motcua.app.documents.CheckedFiles;
import io.motcua.app.documents.DocumentChecks;
import io.motcua.app.documents.DocumentKind;
import io.motcua.app.documents.DocumentService;
import io.motcua.app.documents.DocumentView;
import io.motcua.app.documents.IncomingFile;
import io.motcua.app.dossier.DossierStatus;
import io.motcua.app.dossier.DossierViews.ReceivedDossier;
import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;
import io.motcua.app.system.ProblemKind;

/**
 * Intake of an application together with its documents, in one transaction: the
 * application and every file are checked first (nothing is stored when one is refused),
 * then the dossier is received and the files are stored and attached; the receipt, which
 * lists them, is printed once this commits.
 */
@Service
class DocumentedIntake {

	private final IntakeService intake;

	private final DocumentChecks checks;

	private final DocumentService documents;

	private final ObjectMapper objectMapper;

	private final Validator validator;

	private final TransactionTemplate transactions;

	DocumentedIntake(IntakeService intake, DocumentChecks checks, DocumentService documents, ObjectMapper objectMapper,
			Validator validator, TransactionTemplate transactions) {
		this.intake = intake;
		this.checks = checks;
		this.documents = documents;
		this.objectMapper = objectMapper;
		this.validator = validator;
		this.transactions = transactions;
	}

	/**
	 * Checks the application and the files outside any transaction (reading files may
	 * take seconds and must not hold a database connection), then receives the dossier
	 * and stores and attaches the files in one transaction.
	 */
	DocumentedDossier receive(String application, List<IncomingFile> files) {
		return receive(parse(application), files, null, (code) -> {
		});
	}

	/**
	 * Receives an application already parsed, at {@code receivingUnit} (null for the
	 * caller's unit), as {@link #receive(String, List)} does; {@code alsoRecord} runs in
	 * the same transaction once the dossier exists (what a hand-over notes of it).
	 */
	DocumentedDossier receive(IntakeRequest request, List<IncomingFile> files, String receivingUnit,
			Consumer<String> alsoRecord) {
		Set<String> onPaper = request.paperOriginals()
			.stream()
			.map(IntakeRequest.PaperOriginalRequest::documentType)
			.collect(Collectors.toSet());
		Set<String> fileTypes = files.stream().map(IncomingFile::documentType).collect(Collectors.toSet());
		try (CheckedFiles checked = this.checks.check(request.procedureCode(), files, null, true, onPaper)) {
			return this.transactions.execute((status) -> {
				ReceivedDossier received = this.intake.receive(request,
						(receivingUnit != null) ? receivingUnit : this.intake.callersUnit(), fileTypes);
				alsoRecord.accept(received.code());
				List<DocumentView> attached = this.documents.attach(received.code(), DocumentKind.APPLICATION, checked);
				return new DocumentedDossier(received.code(), received.status(), received.receivedAt(),
						received.dueAt(), received.lookupSecret(), received.procedureCode(), received.receivingUnit(),
						received.processingUnit(), received.receiptUrl(), attached);
			});
		}
	}

	IntakeRequest parse(String application) {
		if (application == null || application.isBlank()) {
			throw ProblemException.invalid("application",
					"send the application as a JSON part named 'application' next to the files");
		}
		IntakeRequest request;
		try {
			request = this.objectMapper.readValue(application, IntakeRequest.class);
		}
		catch (JsonMappingException ex) {
			String field = ex.getPath()
				.stream()
				.map((reference) -> (reference.getFieldName() != null) ? reference.getFieldName()
						: "[" + reference.getIndex() + "]")
				.reduce((a, b) -> a + "." + b)
				.map((path) -> "application." + path)
				.orElse("application");
			throw new ProblemException(ProblemKind.MALFORMED_REQUEST, "Part 'application' is not a valid application",
					List.of(new FieldError(field, ex.getOriginalMessage())));
		}
		catch (JsonProcessingException ex) {
			throw new ProblemException(ProblemKind.MALFORMED_REQUEST, "Part 'application' is not valid JSON",
					List.of(new FieldError("application", ex.getOriginalMessage())));
		}
		catch (IOException ex) {
			throw new ProblemException(ProblemKind.MALFORMED_REQUEST, "Part 'application' cannot be read");
		}
		List<FieldError> errors = this.validator.validate(request)
			.stream()
			.sorted(Comparator
				.comparing((ConstraintViolation<IntakeRequest> violation) -> violation.getPropertyPath().toString()))
			.map((violation) -> new FieldError(violation.getPropertyPath().toString(), violation.getMessage()))
			.toList();
		if (!errors.isEmpty()) {
			throw ProblemException.invalid("Invalid application: " + errors.stream()
				.map((error) -> error.field() + ": " + error.message())
				.reduce((a, b) -> a + "; " + b)
				.orElse(""), errors);
		}
		return request;
	}

	/**
	 * A dossier just received with its documents; the only time the lookup secret is
	 * shown.
	 *
	 * @param code dossier code
	 * @param status its status
	 * @param receivedAt when it was received
	 * @param dueAt appointment date
	 * @param lookupSecret the applicant's lookup secret
	 * @param procedureCode its procedure
	 * @param receivingUnit unit that received it
	 * @param processingUnit unit that processes it
	 * @param receiptUrl where to download the receipt PDF (printed on first download if
	 * it is not yet)
	 * @param documents the documents received
	 */
	record DocumentedDossier(String code, DossierStatus status, Instant receivedAt, Instant dueAt, String lookupSecret,
			String procedureCode, String receivingUnit, String processingUnit, String receiptUrl,
			List<DocumentView> documents) {
	}

}
