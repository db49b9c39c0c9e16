package io.motcua.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import io.motcua.forms.FormViolation.Rule;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The forms of the lifecycle's steps: the specialist's review findings and the approver's
 * remarks.
 */
class StepFormsTests {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void reviewFindingsAcceptWhatASpecialistWrites() throws Exception {
		FormDefinition form = FormDefinition.bundled("review-findings");
		JsonNode findings = JSON.readTree("""
				{"findings": "Hồ sơ đầy đủ, đúng quy định", "legalBasis": "Nghị định 168/2025/NĐ-CP",
				 "siteVisit": true, "siteVisitDate": "2026-03-03"}""");
		assertThat(FormValidator.validate(form, findings)).isEmpty();
		assertThat(FormValidator.validate(form, JSON.readTree("{}"))).isEmpty();
	}

	@Test
	void siteVisitDateIsRequiredOnlyAfterASiteVisit() throws Exception {
		FormDefinition form = FormDefinition.bundled("review-findings");
		assertThat(FormValidator.validate(form, JSON.readTree("{\"siteVisit\": true}")))
			.extracting(FormViolation::path, FormViolation::rule)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("siteVisitDate", Rule.REQUIRED));
		assertThat(FormValidator.validate(form, JSON.readTree("{\"siteVisit\": false}"))).isEmpty();
	}

	@Test
	void approvalRemarksRefuseUnknownFieldsAndOverlongText() throws Exception {
		FormDefinition form = FormDefinition.bundled("approval-remarks");
		JsonNode remarks = JSON.readTree("{\"remarks\": \"" + "x".repeat(2001) + "\", \"grade\": 10}");
		assertThat(FormValidator.validate(form, remarks)).extracting(FormViolation::rule)
			.containsExactlyInAnyOrder(Rule.MAX_LENGTH, Rule.UNKNOWN_FIELD);
	}

}
