package io.motcua.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A compiled FEEL expression of the small subset Modeler users write in
 * {@code conditional.hide} and {@code readonly}: comparisons of a field with a literal
 * ({@code =}, {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}), a bare field,
 * {@code not(...)}, {@code and}, {@code or} and parentheses. Evaluation follows FEEL's
 * three-valued logic: comparing values of different types gives {@code null}, and only
 * {@code true} counts as true.
 */
sealed interface Condition {

	/**
	 * A value that is not a FEEL boolean, number, string or null (an object or a list).
	 */
	Object OPAQUE = new Object();

	/**
	 * Evaluates against the submission.
	 * @param scope the data the names resolve against
	 * @return Boolean, BigDecimal, String, {@link #OPAQUE} or {@code null}
	 */
	Object evaluate(Scope scope);

	/**
	 * Tells whether the expression evaluates to exactly {@code true}.
	 */
	default boolean isTrue(Scope scope) {
		return Boolean.TRUE.equals(evaluate(scope));
	}

	/**
	 * What names resolve against: the whole submission, the current list item
	 * ({@code this}) and the enclosing one ({@code parent}).
	 */
	record Scope(JsonNode root, JsonNode self, JsonNode parent) {
	}

	record Literal(Object value) implements Condition {

		@Override
		public Object evaluate(Scope scope) {
			return this.value;
		}

	}

	record Name(List<String> segments) implements Condition {

		@Override
		public Object evaluate(Scope scope) {
			JsonNode node;
			int start = 1;
			switch (this.segments.get(0)) {
				case "this", "_this_" -> node = scope.self();
				case "parent", "_parent_" -> node = scope.parent();
				default -> {
					node = scope.root();
					start = 0;
				}
			}
			for (int i = start; i < this.segments.size() && node != null; i++) {
				node = node.isObject() ? node.get(this.segments.get(i)) : null;
			}
			return toFeel(node);
		}

		static Object toFeel(JsonNode node) {
			if (node == null || node.isNull() || node.isMissingNode()) {
				return null;
			}
			if (node.isBoolean()) {
				return node.booleanValue();
			}
			if (node.isTextual()) {
				return node.textValue();
			}
			if (node.isNumber()) {
				if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
					return OPAQUE;
				}
				return node.decimalValue();
			}
			return OPAQUE;
		}

	}

	record Not(Condition operand) implements Condition {

		@Override
		public Object evaluate(Scope scope) {
			Object value = this.operand.evaluate(scope);
			return (value instanceof Boolean b) ? !b : null;
		}

	}

	record And(List<Condition> operands) implements Condition {

		@Override
		public Object evaluate(Scope scope) {
			boolean unknown = false;
			for (Condition operand : this.operands) {
				Object value = operand.evaluate(scope);
				if (Boolean.FALSE.equals(value)) {
					return false;
				}
				unknown |= !Boolean.TRUE.equals(value);
			}
			return unknown ? null : true;
		}

	}

	record Or(List<Condition> operands) implements Condition {

		@Override
		public Object evaluate(Scope scope) {
			boolean unknown = false;
			for (Condition operand : this.operands) {
				Object value = operand.evaluate(scope);
				if (Boolean.TRUE.equals(value)) {
					return true;
				}
				unknown |= !Boolean.FALSE.equals(value);
			}
			return unknown ? null : false;
		}

	}

	record Comparison(Condition left, String operator, Condition right) implements Condition {

		@Override
		public Object evaluate(Scope scope) {
			Object l = this.left.evaluate(scope);
			Object r = this.right.evaluate(scope);
			if (this.operator.equals("=") || this.operator.equals("!=")) {
				Boolean equal = equal(l, r);
				if (equal == null) {
					return null;
				}
				return this.operator.equals("=") ? equal : !equal;
			}
			Integer order = order(l, r);
			if (order == null) {
				return null;
			}
			return switch (this.operator) {
				case "<" -> order < 0;
				case "<=" -> order <= 0;
				case ">" -> order > 0;
				default -> order >= 0;
			};
		}

		private static Boolean equal(Object l, Object r) {
			if (l == null || r == null) {
				return l == r;
			}
			if (l == OPAQUE || r == OPAQUE) {
				return null;
			}
			if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
				return a.compareTo(b) == 0;
			}
			if (l.getClass() != r.getClass()) {
				return null;
			}
			return l.equals(r);
		}

		private static Integer order(Object l, Object r) {
			if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
				return a.compareTo(b);
			}
			if (l instanceof String a && r instanceof String b) {
				return a.compareTo(b);
			}
			return null;
		}

	}

	/**
	 * Compiles an expression.
	 * @param expression the FEEL expression with its leading {@code =}
	 * @return the compiled condition
	 * @throws IllegalArgumentException naming what is not supported
	 */
	static Condition compile(String expression) {
		String text = expression.strip();
		if (!text.startsWith("=")) {
			throw new IllegalArgumentException("a FEEL expression must start with '='");
		}
		if (text.length() > 2000) {
			throw new IllegalArgumentException("expression longer than 2000 characters");
		}
		return new Parser(text.substring(1)).parseAll();
	}

	/**
	 * A recursive-descent parser; recursion is bounded by the parenthesis depth limit.
	 */
	final class Parser {

		private static final int MAX_NESTING = 32;

		private final List<String> tokens;

		private int position;

		private int nesting;

		Parser(String text) {
			this.tokens = tokenize(text);
		}

		Condition parseAll() {
			if (this.tokens.isEmpty()) {
				throw new IllegalArgumentException("empty expression");
			}
			Condition condition = parseOr();
			if (this.position < this.tokens.size()) {
				throw new IllegalArgumentException("unsupported syntax at '" + this.tokens.get(this.position) + "'");
			}
			return condition;
		}

		private Condition parseOr() {
			List<Condition> operands = new ArrayList<>();
			operands.add(parseAnd());
			while (accept("or")) {
				operands.add(parseAnd());
			}
			return (operands.size() == 1) ? operands.get(0) : new Or(List.copyOf(operands));
		}

		private Condition parseAnd() {
			List<Condition> operands = new ArrayList<>();
			operands.add(parseComparison());
			while (accept("and")) {
				operands.add(parseComparison());
			}
			return (operands.size() == 1) ? operands.get(0) : new And(List.copyOf(operands));
		}

		private Condition parseComparison() {
			Condition left = parsePrimary();
			String next = peek();
			if (next != null && List.of("=", "!=", "<", "<=", ">", ">=").contains(next)) {
				this.position++;
				Condition right = parsePrimary();
				return new Comparison(left, next, right);
			}
			return left;
		}

		private Condition parsePrimary() {
			String token = peek();
			if (token == null) {
				throw new IllegalArgumentException("unexpected end of expression");
			}
			if (token.equals("(")) {
				this.position++;
				return parenthesised();
			}
			if (token.equals("not")) {
				this.position++;
				expect("(");
				return new Not(parenthesised());
			}
			this.position++;
			if (token.startsWith("\"")) {
				return new Literal(token.substring(1));
			}
			if (token.equals("-") && peek() != null && Character.isDigit(peek().charAt(0))) {
				return new Literal(new BigDecimal(this.tokens.get(this.position++)).negate());
			}
			if (Character.isDigit(token.charAt(0))) {
				return new Literal(new BigDecimal(token));
			}
			switch (token) {
				case "true":
					return new Literal(Boolean.TRUE);
				case "false":
					return new Literal(Boolean.FALSE);
				case "null":
					return new Literal(null);
				default:
					break;
			}
			if (isName(token) && !List.of("and", "or").contains(token)) {
				List<String> segments = new ArrayList<>();
				segments.add(token);
				while (".".equals(peek())) {
					this.position++;
					String segment = peek();
					if (segment == null || !isName(segment)) {
						throw new IllegalArgumentException("a name must follow '.'");
					}
					segments.add(segment);
					this.position++;
				}
				if ("(".equals(peek())) {
					throw new IllegalArgumentException("function '" + token + "' is not supported (only not(...))");
				}
				return new Name(List.copyOf(segments));
			}
			throw new IllegalArgumentException("unsupported syntax at '" + token + "'");
		}

		private Condition parenthesised() {
			if (++this.nesting > MAX_NESTING) {
				throw new IllegalArgumentException("parentheses nested deeper than " + MAX_NESTING);
			}
			Condition inner = parseOr();
			expect(")");
			this.nesting--;
			return inner;
		}

		private String peek() {
			return (this.position < this.tokens.size()) ? this.tokens.get(this.position) : null;
		}

		private boolean accept(String token) {
			if (token.equals(peek())) {
				this.position++;
				return true;
			}
			return false;
		}

		private void expect(String token) {
			if (!accept(token)) {
				throw new IllegalArgumentException("expected '" + token + "'");
			}
		}

		private static boolean isName(String token) {
			int first = token.codePointAt(0);
			return Character.isLetter(first) || first == '_' || first == '$';
		}

		/**
		 * Splits into tokens; a string literal becomes a token starting with {@code "}
		 * followed by its unescaped content.
		 */
		private static List<String> tokenize(String text) {
			List<String> tokens = new ArrayList<>();
			int i = 0;
			while (i < text.length()) {
				char c = text.charAt(i);
				if (Character.isWhitespace(c)) {
					i++;
				}
				else if (c == '"') {
					StringBuilder literal = new StringBuilder("\"");
					i++;
					while (i < text.length() && text.charAt(i) != '"') {
						if (text.charAt(i) == '\\' && i + 1 < text.length()) {
							i++;
						}
						literal.append(text.charAt(i++));
					}
					if (i >= text.length()) {
						throw new IllegalArgumentException("unterminated string literal");
					}
					i++;
					tokens.add(literal.toString());
				}
				else if (Character.isDigit(c)) {
					int start = i;
					while (i < text.length() && Character.isDigit(text.charAt(i))) {
						i++;
					}
					if (i + 1 < text.length() && text.charAt(i) == '.' && Character.isDigit(text.charAt(i + 1))) {
						i++;
						while (i < text.length() && Character.isDigit(text.charAt(i))) {
							i++;
						}
					}
					tokens.add(text.substring(start, i));
				}
				else if (Character.isLetter(c) || c == '_' || c == '$') {
					int start = i;
					while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
							|| text.charAt(i) == '$')) {
						i++;
					}
					tokens.add(text.substring(start, i));
				}
				else if ((c == '!' || c == '<' || c == '>') && i + 1 < text.length() && text.charAt(i + 1) == '=') {
					tokens.add(text.substring(i, i + 2));
					i += 2;
				}
				else if ("()=<>.-".indexOf(c) >= 0) {
					tokens.add(String.valueOf(c));
					i++;
				}
				else {
					throw new IllegalArgumentException("unsupported character '" + c + "'");
				}
			}
			return tokens;
		}

	}

}
