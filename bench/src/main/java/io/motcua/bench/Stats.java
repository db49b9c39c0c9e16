package io.motcua.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Min, median and max of a series of rounds. */
record Stats(double min, double median, double max, int n) {

	static Stats of(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		sorted.removeIf((v) -> v == null || v.isNaN());
		if (sorted.isEmpty()) {
			return new Stats(Double.NaN, Double.NaN, Double.NaN, 0);
		}
		Collections.sort(sorted);
		int n = sorted.size();
		double median = (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
		return new Stats(sorted.get(0), median, sorted.get(n - 1), n);
	}

	/** The p-th percentile (0..100) of raw samples, nearest rank. */
	static double percentile(List<Double> samples, double p) {
		if (samples.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(samples);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p / 100.0 * sorted.size());
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
	}

	String format(String pattern) {
		return String.format(java.util.Locale.ROOT, pattern + " [" + pattern + "–" + pattern + "]", this.median,
				this.min, this.max);
	}

}
