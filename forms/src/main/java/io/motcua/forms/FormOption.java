package io.motcua.forms;

import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One static option of a select, radio, checklist or taglist ({@code values} in form-js).
 *
 * @param label the text shown to the applicant, may be {@code null}
 * @param value the value submitted when the option is chosen: a string, number or boolean
 * JSON node, never {@code null}
 */
public record FormOption(String label, JsonNode value) {

	/**
	 * Checks the value.
	 * @throws FormDefinitionException if the value is {@code null} or not a scalar
	 */
	public FormOption {
		Objects.requireNonNull(value, "value");
		if (!(value.isTextual() || value.isNumber() || value.isBoolean())) {
			throw new FormDefinitionException("Option '" + label + "' must have a string, number or boolean value");
		}
	}

}
