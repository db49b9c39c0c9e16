package io.motcua.app.web;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A dossier's form data as label/value rows for reading: dotted paths, list items
 * numbered.
 */
final class FormDataRows {

	private FormDataRows() {
	}

	record Row(String path, String value) {
	}

	static List<Row> of(JsonNode data) {
		List<Row> rows = new ArrayList<>();
		if (data != null) {
			walk("", data, rows);
		}
		return rows;
	}

	private static void walk(String path, JsonNode node, List<Row> rows) {
		if (node.isObject()) {
			node.properties()
				.forEach((entry) -> walk(path.isEmpty() ? entry.getKey() : path + "." + entry.getKey(),
						entry.getValue(), rows));
		}
		else if (node.isArray() && node.size() > 0 && node.get(0).isContainerNode()) {
			for (int i = 0; i < node.size(); i++) {
				walk(path + "[" + (i + 1) + "]", node.get(i), rows);
			}
		}
		else if (node.isArray()) {
			List<String> items = new ArrayList<>();
			node.forEach((item) -> items.add(item.asText()));
			rows.add(new Row(path, String.join(", ", items)));
		}
		else if (!node.isNull()) {
			rows.add(new Row(path, node.asText()));
		}
	}

}
