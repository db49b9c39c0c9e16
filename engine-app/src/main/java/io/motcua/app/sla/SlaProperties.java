package io.motcua.app.sla;

import java.time.Duration;
import java.time.LocalTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * SLA settings.
 *
 * @param warningLead working time before the due date at which the warning timer fires
 * (default one working day); the smaller of this and {@code warningShare} of the budget
 * is used, so that short procedures are not warned at once
 * @param warningShare share of the budget (percent) before the due date at which the
 * warning fires at the latest
 * @param cutOff local time from which a dossier received on a working day counts from the
 * next working day (the one-stop regulations' 15:00); a procedure's own
 * {@code cutOffTime} overrides it
 */
@Validated
@ConfigurationProperties("motcua.sla")
public record SlaProperties(@DefaultValue("PT7H30M") @NotNull Duration warningLead,
		@DefaultValue("20") @Min(1) @Max(100) int warningShare, @DefaultValue("15:00") @NotNull LocalTime cutOff) {
}
