package io.motcua.bench;

/**
 * One line of the results table: a figure of Motcua next to its peer's, measured in the
 * same rounds, and their ratio.
 *
 * @param workload workload number and name
 * @param figure what is measured, with its unit
 * @param clients client threads
 * @param value Motcua's figure over the rounds
 * @param peer the peer's name
 * @param peerValue the peer's figure over the same rounds
 * @param ratio Motcua / peer, per round
 * @param goal the goal on the ratio (or the figure), may be empty
 * @param met whether the median meets the goal; null without a goal
 */
record Row(String workload, String figure, String clients, Stats value, String peer, Stats peerValue, Stats ratio,
		String goal, Boolean met) {

	static String header() {
		return "| Workload | Figure | Clients | Motcua median [min–max] | Peer | Peer median [min–max] "
				+ "| Ratio median [min–max] | Goal | Met |\n|---|---|---|---|---|---|---|---|---|\n";
	}

	String markdown() {
		return "| " + this.workload + " | " + this.figure + " | " + this.clients + " | " + fmt(this.value) + " | "
				+ this.peer + " | " + fmt(this.peerValue) + " | " + ratioText() + " | " + this.goal + " | "
				+ ((this.met == null) ? "" : (this.met ? "yes" : "**no**")) + " |\n";
	}

	private String ratioText() {
		return (this.ratio == null || this.ratio.n() == 0) ? "" : this.ratio.format("%.2f×").replace("×–", "–");
	}

	private static String fmt(Stats stats) {
		if (stats == null || stats.n() == 0) {
			return "";
		}
		double m = stats.median();
		String pattern = (m >= 100) ? "%.0f" : (m >= 10) ? "%.1f" : "%.2f";
		return stats.format(pattern);
	}

}
