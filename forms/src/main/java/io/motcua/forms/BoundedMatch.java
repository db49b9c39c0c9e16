package io.motcua.forms;

import java.util.regex.Pattern;

/**
 * Runs a definition's pattern against submitted text with a bound on the work: a pattern
 * with nested quantifiers can backtrack exponentially, and one with a repeated group
 * recurses once per character, on text an applicant controls.
 */
final class BoundedMatch {

	/**
	 * Character reads allowed per match: ample for any sane pattern on form-sized text.
	 */
	private static final long BUDGET = 5_000_000;

	private BoundedMatch() {
	}

	/**
	 * Tells whether the pattern finds a match in the text (form-js uses
	 * {@code RegExp.test}). Text the pattern cannot be run on within the bounds counts as
	 * no match.
	 */
	static boolean find(Pattern pattern, String text) {
		try {
			return pattern.matcher(new Budgeted(text, new long[] { BUDGET })).find();
		}
		catch (BudgetExhausted ex) {
			return false;
		}
		catch (StackOverflowError ex) {
			// java.util.regex recurses per repetition of a group; a long enough input
			// overflows
			// the stack, which unwinds cleanly here
			return false;
		}
	}

	private static final class BudgetExhausted extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BudgetExhausted() {
			super(null, null, false, false);
		}

	}

	private record Budgeted(String text, long[] remaining) implements CharSequence {

		@Override
		public int length() {
			return this.text.length();
		}

		@Override
		public char charAt(int index) {
			if (--this.remaining[0] < 0) {
				throw new BudgetExhausted();
			}
			return this.text.charAt(index);
		}

		@Override
		public CharSequence subSequence(int start, int end) {
			return new Budgeted(this.text.substring(start, end), this.remaining);
		}

		@Override
		public String toString() {
			return this.text;
		}

	}

}
