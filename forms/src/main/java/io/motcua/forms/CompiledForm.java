package io.motcua.forms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A form definition prepared for validation: conditions compiled, patterns compiled, and
 * for the root and each dynamic list the shape of the data it declares. Building it is
 * also how a definition is checked at load time, so that validation itself cannot fail.
 */
final class CompiledForm {

	/** Deepest nesting of groups and lists accepted in a definition. */
	static final int MAX_COMPONENT_DEPTH = 16;

	/** Most path segments a field's data path may have, list items included. */
	static final int MAX_PATH_SEGMENTS = 32;

	private static final Pattern SEGMENT = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$-]*");

	final ScopeShape root;

	private CompiledForm(ScopeShape root) {
		this.root = root;
	}

	/**
	 * Compiles the components of a definition.
	 * @throws FormDefinitionException naming the component at fault
	 */
	static CompiledForm compile(List<FormComponent> components) {
		ScopeShape root = new ScopeShape();
		new Compiler().compileInto(root, components, List.of(), 0, 0);
		return new CompiledForm(root);
	}

	/** The nodes and data shape of the root or of one dynamic list's items. */
	static final class ScopeShape {

		final List<Node> nodes = new ArrayList<>();

		final ObjectShape shape = new ObjectShape();

	}

	/** A compiled component. */
	abstract static sealed class Node permits FieldNode, GroupNode, ListNode {

		final FormComponent component;

		final Condition hide;

		Node(FormComponent component, Condition hide) {
			this.component = component;
			this.hide = hide;
		}

	}

	/** An input field, its data path relative to its scope. */
	static final class FieldNode extends Node {

		final List<String> segments;

		final Condition readonly;

		final Pattern pattern;

		FieldNode(FormComponent component, Condition hide, List<String> segments, Condition readonly, Pattern pattern) {
			super(component, hide);
			this.segments = segments;
			this.readonly = readonly;
			this.pattern = pattern;
		}

	}

	/** A group, a text or a non-repeating dynamic list: hides or shows its children. */
	static final class GroupNode extends Node {

		final List<Node> children = new ArrayList<>();

		GroupNode(FormComponent component, Condition hide) {
			super(component, hide);
		}

	}

	/** A repeating dynamic list. */
	static final class ListNode extends Node {

		final List<String> segments;

		final ScopeShape items = new ScopeShape();

		ListNode(FormComponent component, Condition hide, List<String> segments) {
			super(component, hide);
			this.segments = segments;
		}

	}

	/** What the data of a scope may hold at one level of objects. */
	static final class ObjectShape {

		final Map<String, Object> members = new LinkedHashMap<>();

		/**
		 * Nodes whose data path passes through this object: if all are hidden, so is it.
		 */
		final List<Node> contributors = new ArrayList<>();

	}

	private static final class Compiler {

		void compileInto(ScopeShape scope, List<FormComponent> components, List<String> prefix, int depth,
				int outerSegments) {
			compileChildren(scope.nodes, scope, components, prefix, depth, outerSegments);
		}

		private void compileChildren(List<Node> into, ScopeShape scope, List<FormComponent> components,
				List<String> prefix, int depth, int outerSegments) {
			if (depth > MAX_COMPONENT_DEPTH) {
				throw new FormDefinitionException(
						"Components nest deeper than " + MAX_COMPONENT_DEPTH + " levels of groups and lists");
			}
			for (FormComponent component : components) {
				Condition hide = condition(component, "conditional.hide", component.hideExpression());
				switch (component.type()) {
					case TEXT -> into.add(new GroupNode(component, hide));
					case GROUP -> {
						GroupNode group = new GroupNode(component, hide);
						List<String> groupPrefix = prefix;
						if (component.path() != null) {
							groupPrefix = concat(prefix, segments(component, component.path(), "path"));
							checkLength(component, groupPrefix, outerSegments);
							objectAt(scope.shape, groupPrefix, component, group);
						}
						into.add(group);
						compileChildren(group.children, scope, component.components(), groupPrefix, depth + 1,
								outerSegments);
					}
					case DYNAMIC_LIST -> {
						if (component.path() == null) {
							throw new FormDefinitionException(
									"Dynamic list '" + component.name() + "' must have a path");
						}
						List<String> listPath = concat(prefix, segments(component, component.path(), "path"));
						checkLength(component, listPath, outerSegments);
						if (component.repeating()) {
							ListNode list = new ListNode(component, hide, listPath);
							place(scope.shape, listPath, list, component);
							into.add(list);
							compileInto(list.items, component.components(), List.of(), depth + 1,
									outerSegments + listPath.size() + 1);
						}
						else {
							GroupNode group = new GroupNode(component, hide);
							objectAt(scope.shape, listPath, component, group);
							into.add(group);
							compileChildren(group.children, scope, component.components(), listPath, depth + 1,
									outerSegments);
						}
					}
					default -> {
						if (component.key() == null || component.key().isBlank()) {
							throw new FormDefinitionException("Component '" + component.id() + "' of type "
									+ component.type().schemaName() + " must have a key");
						}
						if (component.type().hasOptions() && component.options().isEmpty()) {
							throw new FormDefinitionException(
									"Component '" + component.name() + "' must have static options (values)");
						}
						List<String> fieldPath = concat(prefix, segments(component, component.key(), "key"));
						checkLength(component, fieldPath, outerSegments);
						Condition readonly = condition(component, "readonly", component.readonlyExpression());
						FieldNode field = new FieldNode(component, hide, fieldPath, readonly, pattern(component));
						place(scope.shape, fieldPath, field, component);
						into.add(field);
					}
				}
			}
		}

		private static Condition condition(FormComponent component, String property, String expression) {
			if (expression == null || expression.isBlank() || expression.strip().equals("=")) {
				return null;
			}
			try {
				return Condition.compile(expression);
			}
			catch (IllegalArgumentException ex) {
				throw new FormDefinitionException("Component '" + component.name() + "': " + property + " expression '"
						+ abbreviate(expression) + "' is not supported: " + ex.getMessage()
						+ ". Supported: comparisons of a field with a literal (=, !=, <, <=, >, >=), a bare field, not(...), and, or, parentheses",
						ex);
			}
		}

		private static Pattern pattern(FormComponent component) {
			String pattern = component.validate().pattern();
			if (pattern == null || pattern.isEmpty()) {
				return null;
			}
			try {
				return Pattern.compile(pattern);
			}
			catch (PatternSyntaxException ex) {
				throw new FormDefinitionException("Component '" + component.name() + "': validate.pattern '"
						+ abbreviate(pattern) + "' is not a valid regular expression", ex);
			}
		}

		private static List<String> segments(FormComponent component, String dotted, String property) {
			String[] parts = dotted.split("\\.", -1);
			for (String part : parts) {
				if (!SEGMENT.matcher(part).matches()) {
					throw new FormDefinitionException("Component '" + component.name() + "': " + property + " '"
							+ abbreviate(dotted) + "' is not a dotted path of names");
				}
			}
			return List.of(parts);
		}

		private static void checkLength(FormComponent component, List<String> path, int outerSegments) {
			if (path.size() + outerSegments > MAX_PATH_SEGMENTS) {
				throw new FormDefinitionException(
						"Component '" + component.name() + "': data path longer than " + MAX_PATH_SEGMENTS + " names");
			}
		}

		/**
		 * Makes (or reuses) the objects along a path, recording who contributes to them.
		 */
		private static ObjectShape objectAt(ObjectShape root, List<String> path, FormComponent component, Node node) {
			ObjectShape current = root;
			for (String segment : path) {
				Object member = current.members.get(segment);
				if (member == null) {
					ObjectShape next = new ObjectShape();
					current.members.put(segment, next);
					current = next;
				}
				else if (member instanceof ObjectShape next) {
					current = next;
				}
				else {
					throw conflict(component, path);
				}
				current.contributors.add(node);
			}
			return current;
		}

		private static void place(ObjectShape root, List<String> path, Node node, FormComponent component) {
			ObjectShape parent = objectAt(root, path.subList(0, path.size() - 1), component, node);
			String last = path.get(path.size() - 1);
			if (parent.members.containsKey(last)) {
				throw conflict(component, path);
			}
			parent.members.put(last, node);
		}

		private static FormDefinitionException conflict(FormComponent component, List<String> path) {
			return new FormDefinitionException("Component '" + component.name() + "': data path '"
					+ String.join(".", path) + "' is already used by another component");
		}

		private static List<String> concat(List<String> a, List<String> b) {
			List<String> all = new ArrayList<>(a);
			all.addAll(b);
			return List.copyOf(all);
		}

	}

	static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "…";
	}

}
