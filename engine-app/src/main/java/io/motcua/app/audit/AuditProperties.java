package io.motcua.app.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the audit trail.
 *
 * @param verificationCron when the scheduled check of every chain runs (a Spring cron
 * expression in {@code motcua.dossier.zone}); {@code -} turns it off, for example on
 * every node of a cluster but one
 * @param batchSize how many entries a verification reads at a time
 */
@Validated
@ConfigurationProperties("motcua.audit")
public record AuditProperties(@DefaultValue("0 30 3 * * *") @NotBlank String verificationCron,
		@DefaultValue("1000") @Positive @Max(100_000) int batchSize) {
}
