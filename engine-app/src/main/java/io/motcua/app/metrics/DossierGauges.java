package io.motcua.app.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
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
import io.motcua.app.dossier.DossierStuck.Cause;
import io.motcua.app.operations.StuckDossiers;

/**
 * Open and overdue dossiers per processing unit, and stuck dossiers per cause, counted
 * every {@code motcua.metrics.gauge-refresh} and kept here for the scrapes in between: a
 * scrape (every node is scraped, perhaps by more than one Prometheus) never queries the
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

	private final StuckDossiers stuckDossiers;

	/** Stuck dossiers per cause; every cause is always there, zero or not. */
	private final Map<Cause, AtomicLong> stuckCounts = new EnumMap<>(Cause.class);

	/**
	 * The last counts per unit. A unit's gauge keeps reading the same holder from one
	 * refresh to the next, so a scrape never finds it missing while it is refreshed.
	 */
	private final Map<String, AtomicLong> openCounts = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> overdueCounts = new ConcurrentHashMap<>();

	DossierGauges(DossierStatistics statistics, StuckDossiers stuckDossiers, MetricsProperties properties,
			MeterRegistry registry, Clock clock) {
		this.statistics = statistics;
		this.stuckDossiers = stuckDossiers;
		this.properties = properties;
		this.clock = clock;
		this.open = MultiGauge.builder("motcua.dossiers.open")
			.description("Dossiers whose result is not ready yet, by processing unit")
			.register(registry);
		this.overdue = MultiGauge.builder("motcua.dossiers.overdue")
			.description("Open dossiers past their due date, by processing unit")
			.register(registry);
		for (Cause cause : Cause.values()) {
			AtomicLong count = new AtomicLong();
			this.stuckCounts.put(cause, count);
			Gauge.builder("motcua.dossiers.stuck", count, AtomicLong::doubleValue)
				.description("Dossiers that cannot move on by themselves, by cause: a job of their process failed for"
						+ " good (INCIDENT), their signed result did not verify (VERIFICATION_FAILED), a reaction to"
						+ " them failed for good (REACTION_FAILED); see /admin/incidents")
				.tag("cause", cause.name())
				.register(registry);
		}
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
		refreshStuck();
	}

	private void refreshStuck() {
		Map<Cause, Integer> stuck;
		try {
			stuck = this.stuckDossiers.counts();
		}
		catch (RuntimeException ex) {
			// The gauge keeps the last counts; the next refresh tries again
			log.warn("Could not count the stuck dossiers: {}", ex.toString());
			return;
		}
		stuck.forEach((cause, count) -> this.stuckCounts.get(cause).set(count));
	}

	private static MultiGauge.Row<AtomicLong> row(Map<String, AtomicLong> holders, String unit, long value) {
		AtomicLong holder = holders.computeIfAbsent(unit, (key) -> new AtomicLong());
		holder.set(value);
		return MultiGauge.Row.of(Tags.of("unit", unit), holder, AtomicLong::doubleValue);
	}

}
