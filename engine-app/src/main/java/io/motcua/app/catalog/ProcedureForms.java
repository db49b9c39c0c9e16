package io.motcua.app.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

import io.motcua.app.system.FieldError;
import io.motcua.app.system.ProblemException;
import io.motcua.forms.FormDefinition;
import io.motcua.forms.FormDefinitionException;
import io.motcua.forms.FormValidator;
import io.motcua.forms.FormViolation;

/**
 * The application forms of the catalog's procedures and of the lifecycle's steps: Camunda
 * Forms definitions from the forms module ({@code forms/<form-id>.form}), loaded once at
 * start-up. A procedure whose form is missing or cannot be validated against stops
 * start-up, naming both.
 */
@Service
public class ProcedureForms {

	private static final Logger log = LoggerFactory.getLogger(ProcedureForms.class);

	private final Map<String, LoadedForm> forms = new LinkedHashMap<>();

	ProcedureForms(ProcedureCatalog catalog) {
		for (Procedure procedure : catalog.all()) {
			load(procedure.formId(), "procedure " + procedure.code());
		}
		log.info("Loaded {} application forms: {}", this.forms.size(), this.forms.keySet());
	}

	/** The form definition with this id, loading it on first use (step forms). */
	public synchronized Optional<FormDefinition> definition(String formId) {
		LoadedForm form = this.forms.get(formId);
		if (form == null && new ClassPathResource("forms/" + formId + ".form").exists()) {
			form = load(formId, "a lifecycle step");
		}
		return Optional.ofNullable(form).map(LoadedForm::definition);
	}

	/**
	 * The form file as Camunda Modeler saved it, for clients that render it (form-js).
	 */
	public Optional<String> source(String formId) {
		return definition(formId).map((definition) -> this.forms.get(formId).source());
	}

	/** Every broken rule of {@code submission} against the form {@code formId}. */
	public List<FormViolation> validate(String formId, JsonNode submission) {
		FormDefinition definition = definition(formId)
			.orElseThrow(() -> new IllegalStateException("No form " + formId + " in the forms module"));
		return FormValidator.validate(definition, submission);
	}

	/**
	 * Validates {@code submission} against the form {@code formId} and refuses it with
	 * every violation as a field error, in Vietnamese unless the request asks for
	 * English.
	 * @param what names the form in the problem's detail ("the application form of
	 * HKD-01")
	 * @param fieldOf maps a path in the submission to the field name the client sent
	 * @throws ProblemException 422 naming every violation
	 */
	public void requireValid(String formId, JsonNode submission, String what, Function<String, String> fieldOf) {
		List<FormViolation> violations = validate(formId, submission);
		if (violations.isEmpty()) {
			return;
		}
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		List<FieldError> errors = violations.stream()
			.map((violation) -> new FieldError(fieldOf.apply(violation.path()),
					english ? violation.messageEn() : violation.messageVi()))
			.toList();
		throw ProblemException.invalid(
				what + " has " + errors.size() + " problem(s): " + errors.stream().map(FieldError::field).toList(),
				errors);
	}

	private LoadedForm load(String formId, String usedBy) {
		ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
		try (InputStream in = resource.getInputStream()) {
			String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			LoadedForm form = new LoadedForm(FormDefinition.parse(source), source);
			this.forms.put(formId, form);
			return form;
		}
		catch (IOException ex) {
			throw new IllegalStateException(
					"Form '" + formId + "' of " + usedBy + " is missing: expected forms/" + formId + ".form", ex);
		}
		catch (FormDefinitionException ex) {
			throw new IllegalStateException("Form '" + formId + "' of " + usedBy + " is invalid: " + ex.getMessage(),
					ex);
		}
	}

	private record LoadedForm(FormDefinition definition, String source) {
	}

}
