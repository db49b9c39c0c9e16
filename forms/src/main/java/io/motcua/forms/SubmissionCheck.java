package io.motcua.forms;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.motcua.forms.CompiledForm.FieldNode;
import io.motcua.forms.CompiledForm.GroupNode;
import io.motcua.forms.CompiledForm.ListNode;
import io.motcua.forms.CompiledForm.Node;
import io.motcua.forms.CompiledForm.ObjectShape;
import io.motcua.forms.CompiledForm.ScopeShape;
import io.motcua.forms.Messages.Kind;

/**
 * One validation run. Walks the compiled definition, never the submission, so recursion
 * is bounded by the definition's depth whatever the submission holds; values are
 * inspected one level deep at most.
 */
final class SubmissionCheck {

	/** Most violations reported for one submission. */
	static final int MAX_VIOLATIONS = 500;

	/**
	 * Longest text examined; longer text is a MAX_LENGTH violation without further
	 * checks.
	 */
	static final int MAX_TEXT_LENGTH = 100_000;

	/** Most items examined in one list. */
	static final int MAX_ITEMS = 1_000;

	/** Longest key echoed in a path. */
	private static final int MAX_KEY_IN_PATH = 64;

	private static final Pattern EMAIL = Pattern.compile(
			"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

	private static final Pattern PHONE = Pattern.compile("(?:0|\\+?84)(?:[35789][0-9]{8}|2[0-9]{9})");

	private static final Pattern PHONE_SEPARATORS = Pattern.compile("(?<=[0-9])[ .-](?=[0-9])");

	private static final Pattern NUMERIC_TEXT = Pattern.compile("-?[0-9]{1,30}(?:\\.[0-9]{1,30})?");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter TIME_WITH_OFFSET = DateTimeFormatter.ofPattern("HH:mmXXX")
		.withResolverStyle(ResolverStyle.STRICT);

	private final List<FormViolation> violations = new ArrayList<>();

	private final JsonNode root;

	private SubmissionCheck(JsonNode root) {
		this.root = root;
	}

	static List<FormViolation> run(CompiledForm form, JsonNode submission) {
		SubmissionCheck check = new SubmissionCheck(submission);
		String deep = SafeJson.tooDeep(submission, SafeJson.MAX_DEPTH);
		if (deep != null) {
			check.add(Messages.tooDeep(key(deep), SafeJson.MAX_DEPTH));
		}
		if (!submission.isObject()) {
			check.add(Messages.type("", "Dữ liệu biểu mẫu / form data", Kind.OBJECT));
			return check.violations;
		}
		check.scope(form.root, submission, null, "");
		return check.violations;
	}

	private void add(FormViolation violation) {
		if (this.violations.size() < MAX_VIOLATIONS) {
			this.violations.add(violation);
		}
	}

	private boolean full() {
		return this.violations.size() >= MAX_VIOLATIONS;
	}

	private void scope(ScopeShape scope, JsonNode data, JsonNode parent, String prefix) {
		Set<Node> hidden = Collections.newSetFromMap(new IdentityHashMap<>());
		Condition.Scope names = new Condition.Scope(this.root, data, parent);
		nodes(scope.nodes, false, hidden, names, data, prefix);
		shape(scope.shape, data, prefix, hidden);
	}

	private void nodes(List<Node> nodes, boolean hiddenAbove, Set<Node> hidden, Condition.Scope names, JsonNode data,
			String prefix) {
		for (Node node : nodes) {
			boolean isHidden = hiddenAbove || (node.hide != null && node.hide.isTrue(names));
			if (isHidden) {
				hidden.add(node);
			}
			if (node instanceof GroupNode group) {
				nodes(group.children, isHidden, hidden, names, data, prefix);
			}
			else if (!isHidden && !full()) {
				if (node instanceof FieldNode field) {
					field(field, names, data, prefix);
				}
				else if (node instanceof ListNode list) {
					list(list, data, prefix);
				}
			}
		}
	}

	/**
	 * Reports keys the form does not declare, and non-objects where it declares objects.
	 */
	private void shape(ObjectShape shape, JsonNode data, String prefix, Set<Node> hidden) {
		for (Map.Entry<String, JsonNode> member : data.properties()) {
			if (full()) {
				return;
			}
			String path = prefix + key(member.getKey());
			Object declared = shape.members.get(member.getKey());
			if (declared == null) {
				add(Messages.unknownField(path));
			}
			else if (declared instanceof ObjectShape object && !hidden.containsAll(object.contributors)) {
				JsonNode value = member.getValue();
				if (value.isObject()) {
					shape(object, value, path + ".", hidden);
				}
				else if (!value.isNull()) {
					add(Messages.type(path, path, Kind.OBJECT));
				}
			}
		}
	}

	private void list(ListNode list, JsonNode data, String prefix) {
		FormComponent component = list.component;
		String path = prefix + String.join(".", list.segments);
		String label = label(component, path);
		JsonNode value = lookup(data, list.segments);
		ValidationRules rules = component.validate();
		if (isAbsent(value)) {
			if (rules.minItems() != null && rules.minItems() > 0) {
				add(Messages.tooFewItems(path, label, rules.minItems()));
			}
			return;
		}
		if (!value.isArray()) {
			add(Messages.type(path, label, Kind.LIST));
			return;
		}
		if (!itemCount(value, path, label, rules)) {
			return;
		}
		for (int i = 0; i < value.size() && !full(); i++) {
			JsonNode item = value.get(i);
			String itemPath = path + "[" + i + "]";
			if (!item.isObject()) {
				add(Messages.type(itemPath, label, Kind.OBJECT));
			}
			else {
				scope(list.items, item, data, itemPath + ".");
			}
		}
	}

	/**
	 * Checks the number of items.
	 * @return whether the items should be looked at one by one
	 */
	private boolean itemCount(JsonNode array, String path, String label, ValidationRules rules) {
		if (array.size() > MAX_ITEMS) {
			add(Messages.tooManyItems(path, label, (rules.maxItems() != null) ? rules.maxItems() : MAX_ITEMS));
			return false;
		}
		if (rules.maxItems() != null && array.size() > rules.maxItems()) {
			add(Messages.tooManyItems(path, label, rules.maxItems()));
		}
		if (rules.minItems() != null && array.size() < rules.minItems()) {
			add(Messages.tooFewItems(path, label, rules.minItems()));
		}
		return true;
	}

	private void field(FieldNode field, Condition.Scope names, JsonNode data, String prefix) {
		FormComponent component = field.component;
		String path = prefix + String.join(".", field.segments);
		String label = label(component, path);
		JsonNode value = lookup(data, field.segments);
		boolean readonly = component.readonly() || component.disabled()
				|| (field.readonly != null && field.readonly.isTrue(names));
		if (readonly) {
			if (!isAbsent(value) && !sameValue(value, component.defaultValue())) {
				add(Messages.readonly(path, label));
			}
			return;
		}
		switch (component.type()) {
			case TEXTFIELD, TEXTAREA -> text(field, value, path, label);
			case NUMBER -> number(component, value, path, label);
			case CHECKBOX -> checkbox(component, value, path, label);
			case RADIO, SELECT -> choice(component, value, path, label);
			case CHECKLIST, TAGLIST -> choices(component, value, path, label);
			case DATETIME -> dateTime(component, value, path, label);
			default -> throw new IllegalStateException("not a field: " + component.type());
		}
	}

	private void text(FieldNode field, JsonNode value, String path, String label) {
		ValidationRules rules = field.component.validate();
		if (isAbsent(value)) {
			required(rules, path, label);
			return;
		}
		if (!value.isTextual()) {
			add(Messages.type(path, label, Kind.TEXT));
			return;
		}
		String text = value.textValue();
		if (text.length() > MAX_TEXT_LENGTH) {
			int max = (rules.maxLength() != null) ? Math.min(rules.maxLength(), MAX_TEXT_LENGTH) : MAX_TEXT_LENGTH;
			add(Messages.maxLength(path, label, max));
			return;
		}
		if (text.isBlank()) {
			required(rules, path, label);
			return;
		}
		// Counted in characters as a reader sees them: "ễ" typed as e + two combining
		// marks
		// counts once, as in the precomposed form
		String normalized = Normalizer.normalize(text.strip(), Normalizer.Form.NFC);
		int length = normalized.codePointCount(0, normalized.length());
		if (rules.minLength() != null && length < rules.minLength()) {
			add(Messages.minLength(path, label, rules.minLength()));
		}
		if (rules.maxLength() != null && length > rules.maxLength()) {
			add(Messages.maxLength(path, label, rules.maxLength()));
			return;
		}
		if (field.pattern != null && !BoundedMatch.find(field.pattern, text)) {
			add(Messages.pattern(path, label));
		}
		if (rules.format() == ValidationRules.Format.EMAIL && !isEmail(text.strip())) {
			add(Messages.email(path, label));
		}
		if (rules.format() == ValidationRules.Format.PHONE && !isPhone(text.strip())) {
			add(Messages.phone(path, label));
		}
	}

	private static boolean isEmail(String text) {
		int at = text.lastIndexOf('@');
		return text.length() <= 254 && at > 0 && at <= 64 && EMAIL.matcher(text).matches();
	}

	private static boolean isPhone(String text) {
		return text.length() <= 30 && PHONE.matcher(PHONE_SEPARATORS.matcher(text).replaceAll("")).matches();
	}

	private void number(FormComponent component, JsonNode value, String path, String label) {
		ValidationRules rules = component.validate();
		if (isAbsent(value) || (component.serializeToString() && value.isTextual() && value.textValue().isEmpty())) {
			required(rules, path, label);
			return;
		}
		BigDecimal number;
		if (value.isNumber()) {
			if ((value.isDouble() || value.isFloat()) && !Double.isFinite(value.doubleValue())) {
				add(Messages.type(path, label, Kind.NUMBER));
				return;
			}
			number = value.decimalValue();
		}
		else if (component.serializeToString() && value.isTextual() && value.textValue().length() <= 62
				&& NUMERIC_TEXT.matcher(value.textValue()).matches()) {
			number = new BigDecimal(value.textValue());
		}
		else {
			add(Messages.type(path, label, Kind.NUMBER));
			return;
		}
		if (rules.min() != null && number.compareTo(rules.min()) < 0) {
			add(Messages.min(path, label, rules.min()));
		}
		if (rules.max() != null && number.compareTo(rules.max()) > 0) {
			add(Messages.max(path, label, rules.max()));
		}
	}

	private void checkbox(FormComponent component, JsonNode value, String path, String label) {
		if (isAbsent(value)) {
			required(component.validate(), path, label);
			return;
		}
		if (!value.isBoolean()) {
			add(Messages.type(path, label, Kind.BOOLEAN));
			return;
		}
		if (!value.booleanValue()) {
			// form-js: a required checkbox must be ticked
			required(component.validate(), path, label);
		}
	}

	private void choice(FormComponent component, JsonNode value, String path, String label) {
		if (isAbsent(value) || (value.isTextual() && value.textValue().isEmpty())) {
			required(component.validate(), path, label);
			return;
		}
		if (!isScalar(value)) {
			add(Messages.type(path, label, Kind.CHOICE));
			return;
		}
		if (!isOption(component, value)) {
			add(Messages.notAnOption(path, label));
		}
	}

	private void choices(FormComponent component, JsonNode value, String path, String label) {
		ValidationRules rules = component.validate();
		if (isAbsent(value) || (value.isArray() && value.isEmpty())) {
			required(rules, path, label);
			if (!rules.required() && rules.minItems() != null && rules.minItems() > 0) {
				add(Messages.tooFewItems(path, label, rules.minItems()));
			}
			return;
		}
		if (!value.isArray()) {
			add(Messages.type(path, label, Kind.LIST));
			return;
		}
		if (!itemCount(value, path, label, rules)) {
			return;
		}
		for (int i = 0; i < value.size() && !full(); i++) {
			JsonNode element = value.get(i);
			if (!isScalar(element)) {
				add(Messages.type(path + "[" + i + "]", label, Kind.CHOICE));
			}
			else if (!isOption(component, element)) {
				add(Messages.notAnOption(path + "[" + i + "]", label));
			}
		}
	}

	private void dateTime(FormComponent component, JsonNode value, String path, String label) {
		if (isAbsent(value) || (value.isTextual() && value.textValue().isEmpty())) {
			required(component.validate(), path, label);
			return;
		}
		Kind kind = switch (component.subtype()) {
			case "time" -> Kind.TIME;
			case "datetime" -> Kind.DATETIME;
			default -> Kind.DATE;
		};
		if (!value.isTextual() || value.textValue().length() > 40 || !isDateTime(kind, value.textValue())) {
			add(Messages.type(path, label, kind));
		}
	}

	private static boolean isDateTime(Kind kind, String text) {
		try {
			switch (kind) {
				case DATE -> LocalDate.parse(text, DATE);
				case TIME -> {
					if (text.length() == 5) {
						LocalTime.parse(text, TIME);
					}
					else {
						OffsetTime.parse(text, TIME_WITH_OFFSET);
					}
				}
				default -> {
					if (text.endsWith("Z") || text.lastIndexOf('+') > 0 || text.lastIndexOf('-') > 9) {
						OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
					}
					else {
						LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
					}
				}
			}
			return true;
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private void required(ValidationRules rules, String path, String label) {
		if (rules.required()) {
			add(Messages.required(path, label));
		}
	}

	private static boolean isOption(FormComponent component, JsonNode value) {
		for (FormOption option : component.options()) {
			if (sameScalar(option.value(), value)) {
				return true;
			}
		}
		return false;
	}

	/** Compares a submitted value with a default without deep recursion. */
	private static boolean sameValue(JsonNode value, JsonNode defaultValue) {
		if (defaultValue == null) {
			return false;
		}
		if (value.isArray() && defaultValue.isArray()) {
			if (value.size() != defaultValue.size()) {
				return false;
			}
			for (int i = 0; i < value.size(); i++) {
				if (!sameScalar(value.get(i), defaultValue.get(i))) {
					return false;
				}
			}
			return true;
		}
		return sameScalar(value, defaultValue);
	}

	private static boolean sameScalar(JsonNode a, JsonNode b) {
		if (a.isNumber() && b.isNumber()) {
			if ((a.isDouble() || a.isFloat()) && !Double.isFinite(a.doubleValue())
					|| (b.isDouble() || b.isFloat()) && !Double.isFinite(b.doubleValue())) {
				return false;
			}
			return a.decimalValue().compareTo(b.decimalValue()) == 0;
		}
		if (a.isTextual() && b.isTextual()) {
			return a.textValue().equals(b.textValue());
		}
		if (a.isBoolean() && b.isBoolean()) {
			return a.booleanValue() == b.booleanValue();
		}
		return false;
	}

	private static boolean isScalar(JsonNode value) {
		return value.isTextual() || value.isNumber() || value.isBoolean();
	}

	private static boolean isAbsent(JsonNode value) {
		return value == null || value.isNull() || value.isMissingNode();
	}

	/** Follows a path through objects; anything else on the way means absent. */
	private static JsonNode lookup(JsonNode data, List<String> segments) {
		JsonNode node = data;
		for (String segment : segments) {
			if (node == null || !node.isObject()) {
				return null;
			}
			node = node.get(segment);
		}
		return node;
	}

	private static String label(FormComponent component, String path) {
		return (component.label() != null && !component.label().isBlank()) ? component.label() : path;
	}

	private static String key(String key) {
		return (key.length() <= MAX_KEY_IN_PATH) ? key : key.substring(0, MAX_KEY_IN_PATH) + "…";
	}

}
