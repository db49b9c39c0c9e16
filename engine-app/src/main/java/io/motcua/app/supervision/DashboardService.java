package io.motcua.app.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.motcua.app.dossier.DossierStatistics.UnitCounts;
import io.motcua.app.security.Caller;
import io.motcua.app.security.Role;
import io.motcua.app.security.StaffDirectory;
import io.motcua.app.sla.CalendarService;
import io.motcua.app.supervision.DashboardQueries.DayCount;
import io.motcua.app.supervision.DashboardQueries.OverdueRow;
import io.motcua.app.supervision.DashboardQueries.Scope;
import io.motcua.app.system.ProblemException;

/**
 * The supervisor's dashboard over the units the caller oversees (its unit and every unit
 * below): received by channel, completed early / on time / late, open on track / due soon
 * / overdue, on-time and online rates, a status per unit against
 * {@link DashboardProperties}, a daily trend and the overdue list with who holds each
 * dossier. Every figure is counted by the database from the index range its period or the
 * open state bounds ({@link DashboardQueries}), so that the dashboard costs what the
 * period holds, not what the units ever received.
 */
@Service
public class DashboardService {

	private final DashboardQueries queries;

	private final StaffDirectory directory;

	private final CalendarService calendars;

	private final DashboardProperties properties;

	private final Clock clock;

	DashboardService(DashboardQueries queries, StaffDirectory directory, CalendarService calendars,
			DashboardProperties properties, Clock clock) {
		this.queries = queries;
		this.directory = directory;
		this.calendars = calendars;
		this.properties = properties;
		this.clock = clock;
	}

	/** The thresholds in force. */
	public DashboardProperties thresholds() {
		return this.properties;
	}

	/** The default period: the last {@code defaultPeriodDays} days up to today. */
	public Period defaultPeriod() {
		LocalDate today = this.clock.instant().atZone(zone()).toLocalDate();
		return new Period(today.minusDays(this.properties.defaultPeriodDays() - 1L), today);
	}

	/**
	 * The dashboard for a period of whole days in the office's time zone.
	 * @throws ProblemException 403 unless the caller is a supervisor or administrator,
	 * 422 for a period that ends before it starts or is too long
	 */
	@Transactional(readOnly = true)
	public Dashboard dashboard(Period period) {
		Caller caller = supervisor();
		check(period);
		ZoneId zone = zone();
		Instant from = period.from().atStartOfDay(zone).toInstant();
		Instant to = period.to().plusDays(1).atStartOfDay(zone).toInstant();
		Instant now = this.clock.instant();
		Scope scope = this.queries.scope(caller.visibleUnits());
		List<DayCount> received = this.queries.received(scope, from, to, zone);
		List<DayCount> completed = this.queries.completed(scope, from, to, zone);
		Map<String, long[]> open = this.queries.open(scope, now);
		// Per processing unit: received, counter, online, postal, early, on time,
		// late, ended
		Map<String, long[]> inPeriod = new HashMap<>();
		for (DayCount count : received) {
			long[] figures = inPeriod.computeIfAbsent(count.unit(), (unit) -> new long[8]);
			figures[0] += count.count();
			switch (String.valueOf(count.kind())) {
				case "COUNTER" -> figures[1] += count.count();
				case "ONLINE" -> figures[2] += count.count();
				case "POSTAL" -> figures[3] += count.count();
				default -> {
				}
			}
		}
		for (DayCount count : completed) {
			long[] figures = inPeriod.computeIfAbsent(count.unit(), (unit) -> new long[8]);
			if (count.kind() == null) {
				figures[7] += count.count();
				continue;
			}
			switch (count.kind()) {
				case "EARLY" -> figures[4] += count.count();
				case "ON_TIME" -> figures[5] += count.count();
				case "LATE" -> figures[6] += count.count();
				default -> {
				}
			}
		}
		List<UnitCounts> counts = new ArrayList<>();
		for (String unit : scope.processing()) {
			long[] p = inPeriod.getOrDefault(unit, new long[8]);
			long[] o = open.getOrDefault(unit, new long[3]);
			counts.add(new UnitCounts(unit, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], o[0], o[1], o[2]));
		}
		List<UnitStatus> units = counts.stream().map(this::status).toList();
		UnitCounts total = counts.stream()
			.reduce(new UnitCounts("*", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), DashboardService::add);
		return new Dashboard(period, status(total), units, trend(period, received, completed));
	}

	/**
	 * Open dossiers past their due date, most overdue first, with the open step and who
	 * holds it.
	 */
	@Transactional(readOnly = true)
	public List<OverdueDossier> overdue() {
		Caller caller = supervisor();
		Instant now = this.clock.instant();
		List<OverdueDossier> list = new ArrayList<>();
		OverdueRow dossier = null;
		OverdueRow step = null;
		// Rows come per dossier, its open steps oldest first: the step shown is the
		// newest (the first of equals)
		for (OverdueRow row : this.queries.overdue(this.queries.scope(caller.visibleUnits()), now,
				this.properties.overdueListLimit())) {
			if (dossier != null && !dossier.code().equals(row.code())) {
				list.add(overdue(dossier, step));
				step = null;
			}
			dossier = row;
			if (row.taskId() != null && (step == null || row.stepCreatedAt().isAfter(step.stepCreatedAt()))) {
				step = row;
			}
		}
		if (dossier != null) {
			list.add(overdue(dossier, step));
		}
		return list;
	}

	private static OverdueDossier overdue(OverdueRow dossier, OverdueRow step) {
		return new OverdueDossier(dossier.code(), dossier.procedureCode(), dossier.status(), dossier.processingUnit(),
				dossier.receivedAt(), dossier.dueAt(), (step != null) ? step.step() : null,
				(step != null) ? ((step.assignee() != null) ? step.assignee() : step.candidateGroup()) : null,
				(step != null) ? step.stepCreatedAt() : null, (step != null) ? step.taskId() : null);
	}

	private Caller supervisor() {
		Caller caller = this.directory.currentCaller();
		if (!caller.has(Role.SUPERVISOR) && !caller.has(Role.ADMIN)) {
			throw ProblemException.forbidden("The dashboard is for supervisors; your roles are " + caller.roles());
		}
		return caller;
	}

	private void check(Period period) {
		if (period.to().isBefore(period.from())) {
			throw ProblemException.invalid("to", "must not be before the start of the period");
		}
		if (ChronoUnit.DAYS.between(period.from(), period.to()) >= this.properties.maxPeriodDays()) {
			throw ProblemException.invalid("to",
					"the period may be at most " + this.properties.maxPeriodDays() + " days long");
		}
	}

	private static List<TrendPoint> trend(Period period, List<DayCount> received, List<DayCount> completed) {
		Map<LocalDate, long[]> days = new LinkedHashMap<>();
		for (LocalDate day = period.from(); !day.isAfter(period.to()); day = day.plusDays(1)) {
			days.put(day, new long[3]);
		}
		for (DayCount count : received) {
			days.get(count.day())[0] += count.count();
		}
		for (DayCount count : completed) {
			if (count.kind() != null) {
				days.get(count.day())["LATE".equals(count.kind()) ? 2 : 1] += count.count();
			}
		}
		return days.entrySet()
			.stream()
			.map((entry) -> new TrendPoint(entry.getKey(), entry.getValue()[0], entry.getValue()[1],
					entry.getValue()[2]))
			.toList();
	}

	private UnitStatus status(UnitCounts counts) {
		long completed = counts.early() + counts.onTime() + counts.late();
		long open = counts.onTrack() + counts.dueSoon() + counts.overdue();
		Double onTimeRate = (completed > 0) ? 100.0 * (counts.early() + counts.onTime()) / completed : null;
		Double onlineRate = (counts.received() > 0) ? 100.0 * counts.online() / counts.received() : null;
		double overdueShare = (open > 0) ? 100.0 * counts.overdue() / open : 0;
		double rate = (onTimeRate != null) ? onTimeRate : 100;
		State state;
		if (rate < this.properties.redOnTimePercent() || overdueShare > this.properties.redOverduePercent()) {
			state = State.RED;
		}
		else if (rate >= this.properties.greenOnTimePercent()
				&& overdueShare <= this.properties.greenOverduePercent()) {
			state = State.GREEN;
		}
		else {
			state = State.YELLOW;
		}
		String name = "*".equals(counts.unit()) ? null : this.directory.unitName(counts.unit());
		return new UnitStatus(counts.unit(), name, counts, onTimeRate, onlineRate, overdueShare, state);
	}

	private static UnitCounts add(UnitCounts a, UnitCounts b) {
		return new UnitCounts("*", a.received() + b.received(), a.counter() + b.counter(), a.online() + b.online(),
				a.postal() + b.postal(), a.early() + b.early(), a.onTime() + b.onTime(), a.late() + b.late(),
				a.ended() + b.ended(), a.onTrack() + b.onTrack(), a.dueSoon() + b.dueSoon(), a.overdue() + b.overdue());
	}

	private ZoneId zone() {
		return this.calendars.current().zone();
	}

	/** Traffic-light status of a unit. */
	public enum State {

		GREEN, YELLOW, RED

	}

	/**
	 * A period of whole days, both inclusive.
	 *
	 * @param from first day
	 * @param to last day
	 */
	public record Period(LocalDate from, LocalDate to) {
	}

	/**
	 * The dashboard.
	 *
	 * @param period the period shown
	 * @param total all units together
	 * @param units one line per processing unit
	 * @param trend one point per day of the period
	 */
	public record Dashboard(Period period, UnitStatus total, List<UnitStatus> units, List<TrendPoint> trend) {
	}

	/**
	 * The figures and status of a unit (or of all units together).
	 *
	 * @param unit unit code, "*" for all together
	 * @param name unit name, null for all together
	 * @param counts the counts
	 * @param onTimeRate percent of the dossiers completed in the period that were early
	 * or on time, null when none was completed
	 * @param onlineRate percent of the dossiers received in the period that came online,
	 * null when none was received
	 * @param overduePercent percent of the open dossiers that are overdue
	 * @param state traffic light
	 */
	public record UnitStatus(String unit, String name, UnitCounts counts, Double onTimeRate, Double onlineRate,
			double overduePercent, State state) {
	}

	/**
	 * One day of the trend.
	 *
	 * @param day the day
	 * @param received received that day
	 * @param completedInTime completed early or on time that day
	 * @param completedLate completed late that day
	 */
	public record TrendPoint(LocalDate day, long received, long completedInTime, long completedLate) {
	}

	/**
	 * An overdue dossier and who holds it.
	 *
	 * @param code dossier code
	 * @param procedureCode its procedure
	 * @param status its status
	 * @param processingUnit unit that processes it
	 * @param receivedAt when received
	 * @param dueAt when it was due
	 * @param step the open step, null when none is open
	 * @param holder who holds the open step (user, or candidate group when unclaimed)
	 * @param heldSince since when the step is open
	 */
	public record OverdueDossier(String code, String procedureCode, String status, String processingUnit,
			Instant receivedAt, Instant dueAt, String step, String holder, Instant heldSince, String taskId) {
	}

}
