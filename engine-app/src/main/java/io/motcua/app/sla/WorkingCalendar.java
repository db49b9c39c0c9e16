package io.motcua.app.sla;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Working time of an office: a time zone, a working week, office sessions per day, public
 * holidays and swapped days (a weekday off, a Saturday worked). It adds working time to
 * an instant, measures working time between two instants and finds the next working
 * instant. It is a value: changing the calendar means building a new one.
 */
public final class WorkingCalendar {

	/**
	 * Further than this many days without a working session, the calendar is considered
	 * broken.
	 */
	private static final int SEARCH_LIMIT_DAYS = 3 * 366;

	private static final int REMEMBERED_DAYS = 20_000;

	private static final Instant[] NO_SESSIONS = new Instant[0];

	private final ZoneId zone;

	private final Map<Integer, YearRules> years;

	private final YearRules fallback;

	/**
	 * The sessions of each date asked for, as instants, worked out once: the arithmetic
	 * walks day by day, and a re-projection walks a hundred thousand deadlines with the
	 * same calendar. Bounded, as dates come from callers.
	 */
	private final Map<LocalDate, Instant[]> days = new ConcurrentHashMap<>();

	/**
	 * A calendar with the same rules every year.
	 * @param zone the office's time zone
	 * @param workingWeek the days of the week normally worked
	 * @param sessions office sessions of a working day, not overlapping
	 * @param daysOff public holidays and weekdays given off (swapped)
	 * @param extraWorkingDays days outside the working week that are worked (swapped
	 * Saturdays)
	 */
	public WorkingCalendar(ZoneId zone, Collection<DayOfWeek> workingWeek, Collection<OfficeSession> sessions,
			Collection<LocalDate> daysOff, Collection<LocalDate> extraWorkingDays) {
		this(zone, Map.of(), new YearRules(workingWeek, sessions, daysOff, extraWorkingDays));
	}

	/**
	 * A calendar whose rules may differ per year.
	 * @param zone the office's time zone
	 * @param years rules of the years that have their own
	 * @param fallback rules of every other year (no holidays known)
	 */
	public WorkingCalendar(ZoneId zone, Map<Integer, YearRules> years, YearRules fallback) {
		this.zone = zone;
		this.years = Map.copyOf(years);
		this.fallback = fallback;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/**
	 * Length of one working day: the sum of the sessions (7 h 30 min by default), as the
	 * fallback rules define it. Budgets in days are converted with it.
	 */
	public Duration workingDay() {
		return this.fallback.workingDay();
	}

	/**
	 * Working time of a number of working days, which may be fractional (0.5 = half a
	 * day), with the fallback rules' working day.
	 */
	public Duration days(BigDecimal workingDays) {
		return days(workingDays, workingDay());
	}

	/**
	 * Working time of a number of working days granted at {@code on}: a day is as long as
	 * that year's sessions, so that next year's office hours leave this year's deadlines
	 * alone.
	 */
	public Duration days(BigDecimal workingDays, Instant on) {
		return days(workingDays, rules(on.atZone(this.zone).toLocalDate()).workingDay());
	}

	private static Duration days(BigDecimal workingDays, Duration workingDay) {
		long seconds = workingDays.multiply(BigDecimal.valueOf(workingDay.toSeconds()))
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
		return Duration.ofSeconds(seconds);
	}

	/** Whether sessions are held on this date. */
	public boolean isWorkingDay(LocalDate date) {
		return rules(date).isWorkingDay(date);
	}

	private YearRules rules(LocalDate date) {
		return this.years.getOrDefault(date.getYear(), this.fallback);
	}

	/**
	 * Start and end of each session of the date, in order (start, end, start, end, ...);
	 * empty on a day without sessions.
	 */
	private Instant[] sessionBounds(LocalDate date) {
		Instant[] bounds = this.days.get(date);
		if (bounds != null) {
			return bounds;
		}
		YearRules rules = rules(date);
		if (!rules.isWorkingDay(date)) {
			bounds = NO_SESSIONS;
		}
		else {
			List<OfficeSession> sessions = rules.sessions();
			bounds = new Instant[2 * sessions.size()];
			for (int i = 0; i < sessions.size(); i++) {
				bounds[2 * i] = instantOf(date, sessions.get(i).start());
				bounds[2 * i + 1] = instantOf(date, sessions.get(i).end());
			}
		}
		if (this.days.size() < REMEMBERED_DAYS) {
			this.days.put(date, bounds);
		}
		return bounds;
	}

	/**
	 * The instant itself when it falls inside a session, otherwise the start of the next
	 * session.
	 */
	public Instant nextWorkingInstant(Instant instant) {
		ZonedDateTime at = instant.atZone(this.zone);
		LocalDate date = at.toLocalDate();
		for (int i = 0; i <= SEARCH_LIMIT_DAYS; i++, date = date.plusDays(1)) {
			Instant[] bounds = sessionBounds(date);
			for (int b = 0; b < bounds.length; b += 2) {
				Instant start = bounds[b];
				Instant end = bounds[b + 1];
				if (instant.isBefore(end)) {
					return instant.isBefore(start) ? start : instant;
				}
			}
		}
		throw new IllegalStateException("No working session within " + SEARCH_LIMIT_DAYS + " days after " + instant);
	}

	/**
	 * The start of the first session of the next working day after the date of
	 * {@code instant}.
	 */
	public Instant startOfNextWorkingDay(Instant instant) {
		LocalDate date = instant.atZone(this.zone).toLocalDate().plusDays(1);
		for (int i = 0; i <= SEARCH_LIMIT_DAYS; i++, date = date.plusDays(1)) {
			Instant[] bounds = sessionBounds(date);
			if (bounds.length > 0) {
				return bounds[0];
			}
		}
		throw new IllegalStateException("No working day within " + SEARCH_LIMIT_DAYS + " days after " + instant);
	}

	/**
	 * Where counting starts for something received at {@code instant}: after
	 * {@code cutOff} (local time, may be null for none) the count starts at the next
	 * working day's first session.
	 */
	public Instant countingStart(Instant instant, LocalTime cutOff) {
		ZonedDateTime at = instant.atZone(this.zone);
		if (cutOff != null && isWorkingDay(at.toLocalDate()) && !at.toLocalTime().isBefore(cutOff)) {
			return startOfNextWorkingDay(instant);
		}
		return nextWorkingInstant(instant);
	}

	/**
	 * Working time from {@code start} to the close of the last session of its day: what
	 * "by the end of the working day" grants.
	 */
	public Duration restOfDay(Instant start) {
		Instant[] bounds = sessionBounds(start.atZone(this.zone).toLocalDate());
		return (bounds.length == 0) ? Duration.ZERO : between(start, bounds[bounds.length - 1]);
	}

	/**
	 * The instant at which {@code workingTime} of working time has passed since
	 * {@code start}. A budget that ends exactly at the close of a session ends there
	 * (17:00), not at the next opening.
	 * @throws IllegalArgumentException for a negative duration
	 */
	public Instant add(Instant start, Duration workingTime) {
		if (workingTime.isNegative()) {
			throw new IllegalArgumentException("Cannot add negative working time " + workingTime);
		}
		if (workingTime.isZero()) {
			return start;
		}
		Duration remaining = workingTime;
		LocalDate date = start.atZone(this.zone).toLocalDate();
		int daysWithoutWork = 0;
		while (true) {
			Instant[] bounds = sessionBounds(date);
			if (bounds.length > 0) {
				daysWithoutWork = 0;
				for (int b = 0; b < bounds.length; b += 2) {
					Instant sessionStart = bounds[b];
					Instant sessionEnd = bounds[b + 1];
					if (!sessionEnd.isAfter(start)) {
						continue;
					}
					Instant from = start.isAfter(sessionStart) ? start : sessionStart;
					Duration available = Duration.between(from, sessionEnd);
					if (remaining.compareTo(available) <= 0) {
						return from.plus(remaining);
					}
					remaining = remaining.minus(available);
				}
			}
			else if (++daysWithoutWork > SEARCH_LIMIT_DAYS) {
				throw new IllegalStateException("No working session within " + SEARCH_LIMIT_DAYS + " days");
			}
			date = date.plusDays(1);
		}
	}

	/**
	 * Working time between two instants; zero when {@code to} is not after {@code from}.
	 */
	public Duration between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			return Duration.ZERO;
		}
		Duration total = Duration.ZERO;
		LocalDate date = from.atZone(this.zone).toLocalDate();
		LocalDate last = to.atZone(this.zone).toLocalDate();
		for (; !date.isAfter(last); date = date.plusDays(1)) {
			Instant[] bounds = sessionBounds(date);
			for (int b = 0; b < bounds.length; b += 2) {
				Instant sessionStart = bounds[b];
				Instant sessionEnd = bounds[b + 1];
				Instant overlapStart = from.isAfter(sessionStart) ? from : sessionStart;
				Instant overlapEnd = to.isBefore(sessionEnd) ? to : sessionEnd;
				if (overlapEnd.isAfter(overlapStart)) {
					total = total.plus(Duration.between(overlapStart, overlapEnd));
				}
			}
		}
		return total;
	}

	/**
	 * {@code workingTime} before {@code end}: the instant from which {@code workingTime}
	 * of working time remains until {@code end}. Used for warnings ("one working day
	 * before due").
	 */
	public Instant subtract(Instant end, Duration workingTime) {
		if (workingTime.isNegative()) {
			throw new IllegalArgumentException("Cannot subtract negative working time " + workingTime);
		}
		Duration remaining = workingTime;
		LocalDate date = end.atZone(this.zone).toLocalDate();
		int daysWithoutWork = 0;
		while (true) {
			Instant[] bounds = sessionBounds(date);
			if (bounds.length > 0) {
				daysWithoutWork = 0;
				for (int b = bounds.length - 2; b >= 0; b -= 2) {
					Instant sessionStart = bounds[b];
					Instant sessionEnd = bounds[b + 1];
					if (!sessionStart.isBefore(end)) {
						continue;
					}
					Instant to = end.isBefore(sessionEnd) ? end : sessionEnd;
					Duration available = Duration.between(sessionStart, to);
					if (remaining.compareTo(available) <= 0) {
						return to.minus(remaining);
					}
					remaining = remaining.minus(available);
				}
			}
			else if (++daysWithoutWork > SEARCH_LIMIT_DAYS) {
				throw new IllegalStateException("No working session within " + SEARCH_LIMIT_DAYS + " days");
			}
			date = date.minusDays(1);
		}
	}

	private Instant instantOf(LocalDate date, LocalTime time) {
		return ZonedDateTime.of(date, time, this.zone).toInstant();
	}

	/**
	 * The rules of one year.
	 *
	 * @param workingWeek the days of the week normally worked
	 * @param sessions office sessions of a working day, sorted, not overlapping
	 * @param daysOff public holidays and weekdays given off
	 * @param extraWorkingDays days outside the working week that are worked
	 */
	public record YearRules(Set<DayOfWeek> workingWeek, List<OfficeSession> sessions, Set<LocalDate> daysOff,
			Set<LocalDate> extraWorkingDays) {

		public YearRules(Collection<DayOfWeek> workingWeek, Collection<OfficeSession> sessions,
				Collection<LocalDate> daysOff, Collection<LocalDate> extraWorkingDays) {
			this(workingWeek.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workingWeek)),
					sessions.stream().sorted(Comparator.comparing(OfficeSession::start)).toList(),
					Set.copyOf(new TreeSet<>(daysOff)), Set.copyOf(new TreeSet<>(extraWorkingDays)));
		}

		public YearRules {
			if (sessions.isEmpty()) {
				throw new IllegalArgumentException("A working calendar needs at least one office session");
			}
			for (int i = 1; i < sessions.size(); i++) {
				if (sessions.get(i).start().isBefore(sessions.get(i - 1).end())) {
					throw new IllegalArgumentException(
							"Office sessions overlap: " + sessions.get(i - 1) + " and " + sessions.get(i));
				}
			}
		}

		boolean isWorkingDay(LocalDate date) {
			if (this.extraWorkingDays.contains(date)) {
				return true;
			}
			return this.workingWeek.contains(date.getDayOfWeek()) && !this.daysOff.contains(date);
		}

		Duration workingDay() {
			return this.sessions.stream().map(OfficeSession::length).reduce(Duration.ZERO, Duration::plus);
		}

	}

}
