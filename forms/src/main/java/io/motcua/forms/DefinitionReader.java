package io.motcua.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the form-js schema into {@link FormDefinition} and {@link FormComponent}s.
 */
final class DefinitionReader {

	/** Components that only decorate the form: no value, nothing to validate. */
	private static final Set<String> VISUAL_TYPES = Set.of("spacer", "separator", "image", "html", "iframe", "button");

	private DefinitionReader() {
	}

	static FormDefinition read(JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new FormDefinitionException("A form definition must be a JSON object");
		}
		String id = text(root, "id", "form");
		if (id == null || id.isBlank()) {
			throw new FormDefinitionException("A form definition must have an id");
		}
		String type = text(root, "type", "form '" + id + "'");
		if (type != null && !type.equals("default")) {
			throw new FormDefinitionException(
					"Form '" + id + "': type '" + type + "' is not supported, expected 'default'");
		}
		JsonNode schemaVersion = root.get("schemaVersion");
		int schema = 0;
		if (schemaVersion != null && !schemaVersion.isNull()) {
			if (!schemaVersion.canConvertToInt() || !schemaVersion.isIntegralNumber()) {
				throw new FormDefinitionException("Form '" + id + "': schemaVersion must be an integer");
			}
			schema = schemaVersion.intValue();
		}
		String version = versionTag(root.get("versionTag"), id);
		JsonNode components = root.get("components");
		if (components == null || !components.isArray()) {
			throw new FormDefinitionException("Form '" + id + "': components must be an array");
		}
		return new FormDefinition(id, version, schema, components(components));
	}

	private static String versionTag(JsonNode tag, String id) {
		if (tag == null || tag.isNull()) {
			return "1";
		}
		// Camunda 8 forms nest it as {"value": "..."}; accept both spellings
		JsonNode value = tag.isObject() ? tag.get("value") : tag;
		if (value == null || !(value.isTextual() || value.isIntegralNumber()) || value.asText().isBlank()) {
			throw new FormDefinitionException("Form '" + id + "': versionTag must be a non-empty string");
		}
		return value.asText().strip();
	}

	private static List<FormComponent> components(JsonNode array) {
		List<FormComponent> components = new ArrayList<>();
		for (JsonNode node : array) {
			FormComponent component = component(node);
			if (component != null) {
				components.add(component);
			}
		}
		return components;
	}

	private static FormComponent component(JsonNode node) {
		if (!node.isObject()) {
			throw new FormDefinitionException("Every component must be a JSON object");
		}
		String id = text(node, "id", "component");
		String key = text(node, "key", "component '" + id + "'");
		String name = (key != null) ? key : id;
		String where = "Component '" + name + "'";
		String typeName = text(node, "type", where);
		if (typeName != null && VISUAL_TYPES.contains(typeName)) {
			return null;
		}
		ComponentType type = ComponentType.fromSchemaName(typeName)
			.orElseThrow(
					() -> new FormDefinitionException(where + ": component type '" + typeName + "' is not supported"));
		if (node.hasNonNull("valuesKey") || node.hasNonNull("valuesExpression")) {
			throw new FormDefinitionException(
					where + ": options from valuesKey or valuesExpression cannot be checked; use static values");
		}
		String label = text(node, "label", where);
		String subtype = null;
		if (type == ComponentType.DATETIME) {
			subtype = text(node, "subtype", where);
			subtype = (subtype != null) ? subtype : "date";
			if (!Set.of("date", "time", "datetime").contains(subtype)) {
				throw new FormDefinitionException(where + ": datetime subtype '" + subtype + "' is not supported");
			}
			label = (label != null) ? label : text(node, "dateLabel", where);
			label = (label != null) ? label : text(node, "timeLabel", where);
		}
		String path = (type == ComponentType.GROUP || type == ComponentType.DYNAMIC_LIST) ? text(node, "path", where)
				: null;
		if (path != null && path.isBlank()) {
			path = null;
		}
		boolean readonly = false;
		String readonlyExpression = null;
		JsonNode readonlyNode = node.get("readonly");
		if (readonlyNode != null && !readonlyNode.isNull()) {
			if (readonlyNode.isBoolean()) {
				readonly = readonlyNode.booleanValue();
			}
			else if (readonlyNode.isTextual()) {
				readonlyExpression = readonlyNode.textValue();
			}
			else {
				throw new FormDefinitionException(where + ": readonly must be a boolean or a FEEL expression");
			}
		}
		String hide = null;
		JsonNode conditional = node.get("conditional");
		if (conditional != null && !conditional.isNull()) {
			if (!conditional.isObject()) {
				throw new FormDefinitionException(where + ": conditional must be an object");
			}
			hide = text(conditional, "hide", where);
		}
		List<FormComponent> children = List.of();
		if (type == ComponentType.GROUP || type == ComponentType.DYNAMIC_LIST) {
			JsonNode nested = node.get("components");
			if (nested != null && !nested.isNull()) {
				if (!nested.isArray()) {
					throw new FormDefinitionException(where + ": components must be an array");
				}
				children = components(nested);
			}
		}
		JsonNode defaultValue = node.get("defaultValue");
		return new FormComponent(id, type, key, path, label, subtype, defaultValue, rules(node.get("validate"), where),
				options(node.get("values"), where), readonly, readonlyExpression, bool(node, "disabled", where), hide,
				type == ComponentType.DYNAMIC_LIST && !node.has("isRepeating") || bool(node, "isRepeating", where),
				bool(node, "serializeToString", where), children);
	}

	private static ValidationRules rules(JsonNode validate, String where) {
		if (validate == null || validate.isNull()) {
			return ValidationRules.NONE;
		}
		if (!validate.isObject()) {
			throw new FormDefinitionException(where + ": validate must be an object");
		}
		String type = text(validate, "validationType", where);
		ValidationRules.Format format = null;
		if ("email".equals(type)) {
			format = ValidationRules.Format.EMAIL;
		}
		else if ("phone".equals(type)) {
			format = ValidationRules.Format.PHONE;
		}
		else if (type != null && !type.isEmpty() && !type.equals("custom")) {
			throw new FormDefinitionException(where + ": validationType '" + type + "' is not supported");
		}
		String pattern = text(validate, "pattern", where);
		return new ValidationRules(bool(validate, "required", where), integer(validate, "minLength", where),
				integer(validate, "maxLength", where), pattern, decimal(validate, "min", where),
				decimal(validate, "max", where), format, integer(validate, "minItems", where),
				integer(validate, "maxItems", where));
	}

	private static List<FormOption> options(JsonNode values, String where) {
		if (values == null || values.isNull()) {
			return List.of();
		}
		if (!values.isArray()) {
			throw new FormDefinitionException(where + ": values must be an array of {label, value}");
		}
		List<FormOption> options = new ArrayList<>();
		for (JsonNode value : values) {
			if (!value.isObject() || !value.has("value")) {
				throw new FormDefinitionException(where + ": every option must be an object with a value");
			}
			try {
				options.add(new FormOption(text(value, "label", where), value.get("value")));
			}
			catch (FormDefinitionException ex) {
				throw new FormDefinitionException(where + ": " + ex.getMessage(), ex);
			}
		}
		return options;
	}

	private static String text(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isTextual()) {
			throw new FormDefinitionException(where + ": " + field + " must be a string");
		}
		return value.textValue();
	}

	private static boolean bool(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return false;
		}
		if (!value.isBoolean()) {
			throw new FormDefinitionException(
					where + ": " + field + " must be true or false (expressions are not supported)");
		}
		return value.booleanValue();
	}

	private static Integer integer(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new FormDefinitionException(
					where + ": validate." + field + " must be an integer (expressions are not supported)");
		}
		return value.intValue();
	}

	private static BigDecimal decimal(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || (value.isTextual() && value.textValue().isEmpty())) {
			return null;
		}
		if (!value.isNumber() || ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue()))) {
			throw new FormDefinitionException(
					where + ": validate." + field + " must be a number (expressions are not supported)");
		}
		return value.decimalValue();
	}

}
