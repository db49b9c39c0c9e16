package io.motcua.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A form as Camunda Modeler saves it (the form-js schema), checked to be one this library
 * can validate submissions against.
 *
 * <p>
 * Instances are immutable and safe to share between threads. Constructing one, by
 * {@link #parse(String)} or directly, checks the whole component tree: an unsupported
 * hide expression, an invalid pattern or two components writing to the same data path
 * fail here, never during validation.
 *
 * @param id the form id ({@code id} in the schema; the file name of a bundled form),
 * never {@code null}
 * @param version the form version from {@code versionTag}, {@code "1"} when the file has
 * none, never {@code null}
 * @param schemaVersion the form-js {@code schemaVersion}, {@code 0} when absent
 * @param components the top-level components, in order, never {@code null}; visual-only
 * components (spacer, separator, image, html, iframe, button) are left out
 */
public record FormDefinition(String id, String version, int schemaVersion, List<FormComponent> components) {

	private static final ObjectMapper MAPPER = SafeJson.mapper(200, SafeJson.MAX_DEFINITION_BYTES);

	private static final Pattern FORM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

	/**
	 * Checks the definition.
	 * @throws NullPointerException if id, version or components is {@code null}
	 * @throws FormDefinitionException if a component cannot be validated against (see the
	 * class description)
	 */
	public FormDefinition {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(version, "version");
		components = List.copyOf(components);
		try {
			CompiledForm.compile(components);
		}
		catch (FormDefinitionException ex) {
			throw new FormDefinitionException("Form '" + id + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * Reads a form definition from JSON text.
	 * @param json the content of a {@code .form} file, must not be {@code null}
	 * @return the definition
	 * @throws FormDefinitionException if the text is not JSON, is larger than 2 MB, or
	 * describes a form this library cannot validate against
	 */
	public static FormDefinition parse(String json) {
		Objects.requireNonNull(json, "json");
		try {
			return DefinitionReader.read(MAPPER.readTree(json));
		}
		catch (JsonProcessingException ex) {
			throw new FormDefinitionException("Not a readable form definition: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Reads a form definition from a stream, which is read to its end but not closed.
	 * @param json the content of a {@code .form} file in UTF-8, must not be {@code null}
	 * @return the definition
	 * @throws FormDefinitionException if the content is not JSON, is larger than 2 MB, or
	 * describes a form this library cannot validate against
	 * @throws UncheckedIOException if reading the stream fails
	 */
	public static FormDefinition parse(InputStream json) {
		Objects.requireNonNull(json, "json");
		try {
			return DefinitionReader.read(MAPPER.readTree(json));
		}
		catch (JsonProcessingException ex) {
			throw new FormDefinitionException("Not a readable form definition: " + ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Loads one of the forms shipped in this library, {@code forms/<formId>.form} on the
	 * class path ({@code household-business-registration}, {@code copy-certification},
	 * {@code marriage-registration}, {@code house-construction-permit},
	 * {@code land-use-change-registration}).
	 * @param formId the form id, must not be {@code null}
	 * @return the definition
	 * @throws FormDefinitionException if no such form ships, or it does not load
	 */
	public static FormDefinition bundled(String formId) {
		Objects.requireNonNull(formId, "formId");
		if (!FORM_ID.matcher(formId).matches()) {
			throw new FormDefinitionException("'" + CompiledForm.abbreviate(formId) + "' is not a form id");
		}
		try (InputStream in = FormDefinition.class.getResourceAsStream("/forms/" + formId + ".form")) {
			if (in == null) {
				throw new FormDefinitionException("No bundled form '" + formId + "'");
			}
			return parse(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
