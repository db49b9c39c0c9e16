package io.motcua.forms;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One component of a form, as read from the form-js schema. Immutable; groups and dynamic
 * lists hold their children in {@link #components()}.
 *
 * @param id the component id Modeler generates ({@code Field_0abc123}), may be
 * {@code null}
 * @param type the component type, never {@code null}
 * @param key the dotted data path of an input field ({@code applicant.fullName});
 * {@code null} for text, groups and dynamic lists
 * @param path the dotted data path a group nests its children under, or the path of a
 * dynamic list's array; {@code null} for a group without path and for every other type
 * @param label the label shown to the applicant (for a datetime its date or time label),
 * may be {@code null}
 * @param subtype for a datetime {@code "date"}, {@code "time"} or {@code "datetime"};
 * {@code null} for every other type
 * @param defaultValue the default value: a scalar or an array of scalars, may be
 * {@code null}
 * @param validate the validation rules, never {@code null} ({@link ValidationRules#NONE})
 * @param options the static options of a choice component, never {@code null}, empty for
 * other types
 * @param readonly whether the field is read-only
 * @param readonlyExpression a FEEL expression ({@code =...}) making the field read-only
 * when it evaluates to true, may be {@code null}
 * @param disabled whether the field is disabled (treated like read-only)
 * @param hideExpression the {@code conditional.hide} FEEL expression, may be {@code null}
 * @param repeating for a dynamic list, whether items repeat ({@code isRepeating}); a
 * non-repeating dynamic list behaves like a group with a path
 * @param serializeToString for a number, whether form-js submits it as a string
 * @param components the children of a group or dynamic list, never {@code null}
 */
public record FormComponent(String id, ComponentType type, String key, String path, String label, String subtype,
		JsonNode defaultValue, ValidationRules validate, List<FormOption> options, boolean readonly,
		String readonlyExpression, boolean disabled, String hideExpression, boolean repeating,
		boolean serializeToString, List<FormComponent> components) {

	/**
	 * Checks the required parts and freezes the lists and the default value.
	 * @throws NullPointerException if {@code type} is {@code null}
	 * @throws FormDefinitionException if the default value is neither a scalar nor an
	 * array of scalars
	 */
	public FormComponent {
		Objects.requireNonNull(type, "type");
		validate = (validate != null) ? validate : ValidationRules.NONE;
		options = (options != null) ? List.copyOf(options) : List.of();
		components = (components != null) ? List.copyOf(components) : List.of();
		if (defaultValue != null && defaultValue.isNull()) {
			defaultValue = null;
		}
		if (defaultValue != null) {
			if (!isFlat(defaultValue)) {
				throw new FormDefinitionException("Component '" + ((key != null) ? key : id)
						+ "': defaultValue must be a string, number, boolean or an array of them");
			}
			defaultValue = defaultValue.deepCopy();
		}
	}

	private static boolean isFlat(JsonNode value) {
		if (value.isArray()) {
			for (JsonNode element : value) {
				if (element.isContainerNode()) {
					return false;
				}
			}
			return true;
		}
		return !value.isObject();
	}

	/**
	 * Returns a copy of the default value, so the component stays immutable.
	 * @return the default value, or {@code null} when there is none
	 */
	@Override
	public JsonNode defaultValue() {
		return (this.defaultValue != null) ? this.defaultValue.deepCopy() : null;
	}

	/**
	 * Returns the key, or the id when the component has no key: the name used in error
	 * messages about the definition.
	 * @return a name for this component, may be {@code null} only when both are missing
	 */
	public String name() {
		return (this.key != null) ? this.key : this.id;
	}

}
