package io.motcua.forms;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Jackson set up with limits, and a depth measure that does not recurse.
 */
final class SafeJson {

	/** Deepest nesting of objects and arrays accepted in a submission. */
	static final int MAX_DEPTH = 64;

	/** Largest JSON text, in characters, accepted by the string entry points. */
	static final int MAX_DOCUMENT_CHARS = 16 * 1024 * 1024;

	/** Largest form definition file, in bytes. */
	static final int MAX_DEFINITION_BYTES = 2 * 1024 * 1024;

	private SafeJson() {
	}

	/**
	 * A mapper that refuses duplicate keys and stops at the given depth and size.
	 */
	static ObjectMapper mapper(int maxDepth, int maxDocument) {
		JsonFactory factory = JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder()
				.maxNestingDepth(maxDepth)
				.maxDocumentLength(maxDocument)
				.maxStringLength(maxDocument)
				.maxNumberLength(1000)
				.build())
			.enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.build();
		return JsonMapper.builder(factory)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			// 1e400 stays a number to compare instead of becoming an infinite double
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
			.build();
	}

	/**
	 * Measures how deep the JSON text nests, ignoring brackets inside strings, stopping
	 * as soon as the limit is passed.
	 * @return the depth, or {@code limit + 1} when deeper than the limit
	 */
	static int textDepth(String json, int limit) {
		int depth = 0;
		int max = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
				if (depth > limit) {
					return limit + 1;
				}
				max = Math.max(max, depth);
			}
			else if (c == '}' || c == ']') {
				depth--;
			}
		}
		return max;
	}

	/**
	 * Finds where a tree first nests deeper than the limit, without recursion.
	 * @return the name of the top-level member holding the too-deep part, {@code ""} when
	 * it is the root itself, or {@code null} when the tree is within the limit
	 */
	static String tooDeep(JsonNode root, int limit) {
		record Frame(JsonNode node, int depth, String top) {
		}
		Deque<Frame> stack = new ArrayDeque<>();
		stack.push(new Frame(root, 1, null));
		while (!stack.isEmpty()) {
			Frame frame = stack.pop();
			JsonNode node = frame.node();
			if (!node.isContainerNode()) {
				continue;
			}
			if (frame.depth() > limit) {
				return (frame.top() != null) ? frame.top() : "";
			}
			if (node.isObject()) {
				for (Map.Entry<String, JsonNode> field : node.properties()) {
					String top = (frame.top() != null) ? frame.top() : field.getKey();
					stack.push(new Frame(field.getValue(), frame.depth() + 1, top));
				}
			}
			else {
				int index = 0;
				for (JsonNode element : node) {
					String top = (frame.top() != null) ? frame.top() : "[" + index + "]";
					stack.push(new Frame(element, frame.depth() + 1, top));
					index++;
				}
			}
		}
		return null;
	}

}
