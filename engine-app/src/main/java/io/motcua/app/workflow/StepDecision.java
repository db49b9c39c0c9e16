package io.motcua.app.workflow;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a member of staff completes a step.
 *
 * @param outcome one of the step's outcomes
 * @param comment free text for the timeline (and the reason a letter prints), may be null
 * @param formData the data of the step's own form, a JSON object; null or missing counts
 * as empty
 */
public record StepDecision(String outcome, String comment, JsonNode formData) {

	/** A decision without form data. */
	public static StepDecision of(String outcome, String comment) {
		return new StepDecision(outcome, comment, null);
	}

}
