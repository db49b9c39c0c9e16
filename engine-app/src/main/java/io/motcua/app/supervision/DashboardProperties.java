package io.motcua.app.supervision;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Thresholds of the supervisor's dashboard. A unit is green when its on-time rate is at
 * least {@code greenOnTimePercent} and at most {@code greenOverduePercent} of its open
 * dossiers are overdue; red when its on-time rate is below {@code redOnTimePercent} or
 * more than {@code redOverduePercent} of its open dossiers are overdue; yellow otherwise.
 *
 * @param greenOnTimePercent on-time rate (percent of completed dossiers) for green
 * @param redOnTimePercent on-time rate under which a unit is red
 * @param greenOverduePercent most overdue share (percent of open dossiers) for green
 * @param redOverduePercent overdue share over which a unit is red
 * @param defaultPeriodDays length of the period shown when none is chosen
 * @param maxPeriodDays longest period that may be chosen
 * @param overdueListLimit most dossiers in the overdue list and its CSV export
 */
@Validated
@ConfigurationProperties("motcua.supervision")
public record DashboardProperties(@DefaultValue("90") @Min(0) @Max(100) int greenOnTimePercent,
		@DefaultValue("70") @Min(0) @Max(100) int redOnTimePercent,
		@DefaultValue("5") @Min(0) @Max(100) int greenOverduePercent,
		@DefaultValue("15") @Min(0) @Max(100) int redOverduePercent,
		@DefaultValue("30") @Positive int defaultPeriodDays, @DefaultValue("366") @Positive int maxPeriodDays,
		@DefaultValue("1000") @Positive int overdueListLimit) {
}
