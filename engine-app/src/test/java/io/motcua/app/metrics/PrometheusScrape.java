package io.motcua.app.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A scrape of {@code /actuator/prometheus} in the text format, read back into samples.
 */
record PrometheusScrape(String text, List<Sample> samples) {

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})? (\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

	static PrometheusScrape of(String text) {
		List<Sample> samples = new ArrayList<>();
		for (String line : text.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (line.startsWith("#") || !sample.find()) {
				continue;
			}
			Map<String, String> labels = new LinkedHashMap<>();
			if (sample.group(2) != null) {
				Matcher label = LABEL.matcher(sample.group(2));
				while (label.find()) {
					labels.put(label.group(1), label.group(2));
				}
			}
			samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
		}
		return new PrometheusScrape(text, samples);
	}

	/**
	 * The sum of the samples named {@code name} that have these labels (name, value, ...)
	 * among theirs; 0 when there is none.
	 */
	double sum(String name, String... labels) {
		Map<String, String> wanted = new LinkedHashMap<>();
		for (int i = 0; i < labels.length; i += 2) {
			wanted.put(labels[i], labels[i + 1]);
		}
		return this.samples.stream()
			.filter((sample) -> sample.name().equals(name))
			.filter((sample) -> sample.labels().entrySet().containsAll(wanted.entrySet()))
			.mapToDouble(Sample::value)
			.sum();
	}

	/** Whether some sample is named {@code name}. */
	boolean has(String name) {
		return this.samples.stream().anyMatch((sample) -> sample.name().equals(name));
	}

	/**
	 * The lines of the families whose names start with {@code prefix}, with their
	 * {@code # HELP} and {@code # TYPE} lines.
	 */
	String families(String prefix) {
		return this.text.lines()
			.filter((line) -> line.startsWith(prefix) || line.startsWith("# HELP " + prefix)
					|| line.startsWith("# TYPE " + prefix))
			.collect(Collectors.joining("\n", "", "\n"));
	}

	record Sample(String name, Map<String, String> labels, double value) {
	}

}
