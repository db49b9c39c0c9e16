package io.motcua.app.workflow;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Workflow settings.
 *
 * @param supplementDeadlineDays calendar days the applicant has to bring a requested
 * supplement before the dossier is returned unprocessed, when the request does not name a
 * deadline
 */
@Validated
@ConfigurationProperties("motcua.workflow")
public record WorkflowProperties(@DefaultValue("30") @Positive int supplementDeadlineDays) {
}
