package io.motcua.app.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import io.motcua.app.dossier.DossierStatistics;
import io.motcua.app.dossier.DossierStatistics.OpenCount;

/**
 * Open and overdue dossiers per processing unit, counted by the database every
 * {@code motcua.metrics.gauge-refresh} and kept here for the scrapes in between: a scrape
 * (every node is scraped, perhaps by more than one Prometheus) never queries the
 * database. Every node reports the same counts; a dashboard takes their {@code max}, not
 * their sum.
 */
@Component
class DossierGauges implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(DossierGauges.class);

	private final DossierStatistics statistics;

	private final MetricsProperties properties;

	private final Clock clock;

	private final MultiGauge open;

	private final MultiGauge overdue;

	/**
	 * The last counts per unit. A unit's gauge keeps reading the same holder from one
	 * refresh to the next, so a scrape never finds it missing while it is refreshed.
	 */
	private final Map<String, AtomicLong> openCounts = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> overdueCounts = new ConcurrentHashMap<>();

	DossierGauges(DossierStatistics statistics, MetricsProperties properties, MeterRegistry registry, Clock clock) {
		this.statistics = statistics;
		this.properties = properties;
		this.clock = clock;
		this.open = MultiGauge.builder("motcua.dossiers.open")
			.description("Dossiers whose result is not ready yet, by processing unit")
			.register(registry);
		this.overdue = MultiGauge.builder("motcua.dossiers.overdue")
			.description("Open dossiers past their due date, by processing unit")
			.register(registry);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(new FixedDelayTask(this::refresh, this.properties.gaugeRefresh(), Duration.ZERO));
	}

	/** Counts the open and overdue dossiers of every unit again. */
	void refresh() {
		List<OpenCount> counts;
		try {
			counts = this.statistics.openPerUnit(this.clock.instant());
		}
		catch (DataAccessException ex) {
			// The gauges keep the last counts; the next refresh tries again
			log.warn("Could not count the open dossiers per unit: {}", ex.toString());
			return;
		}
		this.open.register(counts.stream().map((count) -> row(this.openCounts, count.unit(), count.open())).toList());
		this.overdue
			.register(counts.stream().map((count) -> row(this.overdueCounts, count.unit(), count.overdue())).toList());
		List<String> units = counts.stream().map(OpenCount::unit).toList();
		this.openCounts.keySet().retainAll(units);
		this.overdueCounts.keySet().retainAll(units);
	}

	private static MultiGauge.Row<AtomicLong> row(Map<String, AtomicLong> holders, String unit, long value) {
		AtomicLong holder = holders.computeIfAbsent(unit, (key) -> new AtomicLong());
		holder.set(value);
		return MultiGauge.Row.of(Tags.of("unit", unit), holder, AtomicLong::doubleValue);
	}

}
