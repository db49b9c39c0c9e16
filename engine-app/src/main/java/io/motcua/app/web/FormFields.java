package io.motcua.app.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.util.MultiValueMap;

import io.motcua.forms.ComponentType;
import io.motcua.forms.FormComponent;
import io.motcua.forms.FormDefinition;
import io.motcua.forms.FormOption;

/**
 * Renders a Camunda Forms definition as plain HTML fields (a flat list: groups become
 * headings, a dynamic list a few numbered rows) and reads the posted fields back into the
 * JSON the form validator expects. Fields under {@code applicant.} are left out: the
 * counter screen has its own applicant fields.
 */
final class FormFields {

	/** Prefix of the posted parameters that belong to the procedure's form. */
	static final String PREFIX = "f:";

	/** Rows offered for a repeating dynamic list. */
	static final int LIST_ROWS = 3;

	private FormFields() {
	}

	/**
	 * One line of the rendered form.
	 *
	 * @param kind heading, text, textfield, textarea, number, checkbox, checklist, radio,
	 * select, date, time, datetime
	 * @param name parameter name (data path with {@link #PREFIX}), null for headings
	 * @param id element id
	 * @param label label
	 * @param required whether required
	 * @param options choices of a choice field
	 * @param value the posted value, or the default
	 * @param values the posted values of a checklist
	 * @param error the server's message for this field, or null
	 * @param min lower bound of a number
	 * @param max upper bound of a number
	 * @param maxLength most characters
	 * @param depth nesting, for indentation
	 */
	record Field(String kind, String name, String id, String label, boolean required, List<Choice> options,
			String value, List<String> values, String error, BigDecimal min, BigDecimal max, Integer maxLength,
			int depth) {
	}

	/** A choice of a radio, select or checklist. */
	record Choice(String value, String label) {
	}

	static List<Field> render(FormDefinition form, MultiValueMap<String, String> posted, Map<String, String> errors) {
		List<Field> fields = new ArrayList<>();
		walk(form.components(), "", 0, posted, errors, fields);
		return fields;
	}

	private static void walk(List<FormComponent> components, String prefix, int depth,
			MultiValueMap<String, String> posted, Map<String, String> errors, List<Field> out) {
		for (FormComponent component : components) {
			switch (component.type()) {
				case GROUP -> {
					String path = join(prefix, component.path());
					if (path.startsWith("applicant")) {
						continue;
					}
					if (component.label() != null) {
						out.add(heading(component.label(), depth));
					}
					walk(component.components(), path, depth + 1, posted, errors, out);
				}
				case DYNAMIC_LIST -> {
					String path = join(prefix, component.path());
					if (component.label() != null) {
						out.add(heading(component.label(), depth));
					}
					int rows = component.repeating() ? LIST_ROWS : 1;
					for (int i = 0; i < rows; i++) {
						String item = component.repeating() ? path + "[" + i + "]" : path;
						if (component.repeating()) {
							out.add(heading("#" + (i + 1), depth + 1));
						}
						walk(component.components(), item, depth + 2, posted, errors, out);
					}
				}
				case TEXT -> {
					if (component.label() != null) {
						out.add(new Field("text", null, null, component.label(), false, List.of(), null, List.of(),
								null, null, null, null, depth));
					}
				}
				default -> {
					if (!component.type().isField() || component.key() == null) {
						continue;
					}
					String path = join(prefix, component.key());
					if (path.startsWith("applicant.")) {
						continue;
					}
					out.add(field(component, path, depth, posted, errors));
				}
			}
		}
	}

	private static Field field(FormComponent component, String path, int depth, MultiValueMap<String, String> posted,
			Map<String, String> errors) {
		String name = PREFIX + path;
		String kind = switch (component.type()) {
			case DATETIME -> (component.subtype() != null) ? component.subtype() : "date";
			case TAGLIST -> "checklist";
			default -> component.type().schemaName();
		};
		List<Choice> options = component.options()
			.stream()
			.map((FormOption option) -> new Choice(option.value().asText(), option.label()))
			.toList();
		List<String> values = (posted != null && posted.containsKey(name)) ? posted.get(name) : List.of();
		String value = values.isEmpty() ? null : values.get(0);
		if (posted == null && component.defaultValue() != null) {
			JsonNode defaults = component.defaultValue();
			if (defaults.isArray()) {
				List<String> list = new ArrayList<>();
				defaults.forEach((node) -> list.add(node.asText()));
				values = list;
			}
			else {
				value = defaults.asText();
				values = List.of(value);
			}
		}
		String error = errors.get("formData." + path);
		return new Field(kind, name, "f-" + path.replaceAll("[^A-Za-z0-9_-]", "-"),
				(component.label() != null) ? component.label() : path, component.validate().required(), options, value,
				values, error, component.validate().min(), component.validate().max(), component.validate().maxLength(),
				depth);
	}

	private static Field heading(String label, int depth) {
		return new Field("heading", null, null, label, false, List.of(), null, List.of(), null, null, null, null,
				depth);
	}

	private static String join(String prefix, String path) {
		if (path == null || path.isEmpty()) {
			return prefix;
		}
		return prefix.isEmpty() ? path : prefix + "." + path;
	}

	/**
	 * The form data (without the applicant) from the posted parameters: empty fields are
	 * left out, numbers become numbers, checkboxes booleans, choices their option's
	 * value, list rows with nothing filled in are dropped.
	 */
	static ObjectNode read(FormDefinition form, MultiValueMap<String, String> posted) {
		ObjectNode data = JsonNodeFactory.instance.objectNode();
		for (Field field : render(form, posted, Map.of())) {
			if (field.name() == null) {
				continue;
			}
			String path = field.name().substring(PREFIX.length());
			JsonNode value = switch (field.kind()) {
				case "checkbox" -> JsonNodeFactory.instance.booleanNode("true".equals(field.value()));
				case "checklist" -> {
					if (field.values().isEmpty()) {
						yield null;
					}
					ArrayNode array = JsonNodeFactory.instance.arrayNode();
					field.values().forEach((item) -> array.add(choice(form, path, item)));
					yield array;
				}
				case "number" -> number(field.value());
				case "radio", "select" -> (blank(field.value())) ? null : choice(form, path, field.value());
				default -> blank(field.value()) ? null : JsonNodeFactory.instance.textNode(field.value().trim());
			};
			if (value != null) {
				put(data, path, value);
			}
		}
		dropEmptyRows(data);
		return data;
	}

	private static JsonNode number(String text) {
		if (blank(text)) {
			return null;
		}
		try {
			return JsonNodeFactory.instance.numberNode(new BigDecimal(text.trim().replace(" ", "")));
		}
		catch (NumberFormatException ex) {
			// Let the form validator name the field: a text where a number belongs.
			return JsonNodeFactory.instance.textNode(text.trim());
		}
	}

	private static JsonNode choice(FormDefinition form, String path, String value) {
		FormComponent component = find(form.components(), "", path.replaceAll("\\[\\d+]", "[]"));
		if (component != null) {
			for (FormOption option : component.options()) {
				if (option.value().asText().equals(value)) {
					return option.value();
				}
			}
		}
		return JsonNodeFactory.instance.textNode(value);
	}

	private static FormComponent find(List<FormComponent> components, String prefix, String path) {
		for (FormComponent component : components) {
			if (component.type() == ComponentType.GROUP || component.type() == ComponentType.DYNAMIC_LIST) {
				String inner = join(prefix, component.path());
				if (component.type() == ComponentType.DYNAMIC_LIST && component.repeating()) {
					inner = inner + "[]";
				}
				FormComponent found = find(component.components(), inner, path);
				if (found != null) {
					return found;
				}
			}
			else if (component.key() != null && join(prefix, component.key()).equals(path)) {
				return component;
			}
		}
		return null;
	}

	private static void put(ObjectNode root, String path, JsonNode value) {
		String[] segments = path.split("\\.");
		ObjectNode node = root;
		for (int i = 0; i < segments.length; i++) {
			String segment = segments[i];
			boolean last = i == segments.length - 1;
			int bracket = segment.indexOf('[');
			if (bracket > 0) {
				String name = segment.substring(0, bracket);
				int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
				ArrayNode array = (node.get(name) instanceof ArrayNode existing) ? existing : node.putArray(name);
				while (array.size() <= index) {
					array.addObject();
				}
				if (last) {
					array.set(index, value);
					return;
				}
				node = (ObjectNode) array.get(index);
			}
			else if (last) {
				node.set(segment, value);
			}
			else {
				node = (node.get(segment) instanceof ObjectNode existing) ? existing : node.putObject(segment);
			}
		}
	}

	/** Drops list rows that hold nothing but unchecked boxes, and lists left empty. */
	private static void dropEmptyRows(ObjectNode node) {
		List<String> emptyLists = new ArrayList<>();
		node.properties().forEach((entry) -> {
			if (entry.getValue() instanceof ArrayNode array) {
				for (int i = array.size() - 1; i >= 0; i--) {
					if (array.get(i) instanceof ObjectNode row && isEmpty(row)) {
						array.remove(i);
					}
				}
				if (array.isEmpty()) {
					emptyLists.add(entry.getKey());
				}
			}
			else if (entry.getValue() instanceof ObjectNode child) {
				dropEmptyRows(child);
			}
		});
		emptyLists.forEach(node::remove);
	}

	private static boolean isEmpty(ObjectNode row) {
		for (JsonNode value : row) {
			if (value.isObject() ? !isEmpty((ObjectNode) value) : !(value.isBoolean() && !value.asBoolean())) {
				return false;
			}
		}
		return true;
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
