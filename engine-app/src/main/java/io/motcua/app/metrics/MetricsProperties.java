package io.motcua.app.metrics;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the metrics are kept.
 *
 * @param gaugeRefresh how often the open and overdue dossiers per unit are counted again
 * (each node counts them; a scrape reads the last count)
 */
@Validated
@ConfigurationProperties("motcua.metrics")
public record MetricsProperties(@DefaultValue("PT30S") @NotNull Duration gaugeRefresh) {
}
