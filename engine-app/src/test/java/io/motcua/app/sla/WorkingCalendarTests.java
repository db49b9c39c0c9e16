package io.motcua.app.sla;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default office calendar of 2026: sessions 07:30–11:30 and 13:30–17:00 in
 * Asia/Ho_Chi_Minh, Monday to Friday, the lunar new year week 16–20 February off, and
 * Saturday 10 January worked in exchange for a day off (a swapped day).
 */
class WorkingCalendarTests {

	static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

	static final WorkingCalendar CALENDAR = calendar();

	static WorkingCalendar calendar() {
		List<LocalDate> daysOff = new ArrayList<>();
		for (int day = 16; day <= 20; day++) {
			daysOff.add(LocalDate.of(2026, 2, day));
		}
		daysOff.add(LocalDate.of(2026, 1, 2));
		return new WorkingCalendar(ZONE, EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				List.of(new OfficeSession(LocalTime.of(7, 30), LocalTime.of(11, 30)),
						new OfficeSession(LocalTime.of(13, 30), LocalTime.of(17, 0))),
				daysOff, List.of(LocalDate.of(2026, 1, 10)));
	}

	@ParameterizedTest(name = "{0} + {1} working days = {2}")
	@CsvSource({
			// A whole day from the opening ends at the close of the same day, not the
			// next morning.
			"2026-03-02T07:30+07:00, 1, 2026-03-02T17:00+07:00",
			// Across the lunar new year week: Friday 13 Feb, then Monday 23 Feb.
			"2026-02-13T10:00+07:00, 1, 2026-02-23T10:00+07:00",
			// Received on a holiday: counting starts at the first session after it.
			"2026-02-17T09:00+07:00, 1, 2026-02-23T17:00+07:00",
			// The swapped Saturday is worked.
			"2026-01-09T16:00+07:00, 0.4, 2026-01-10T09:30+07:00",
			// The weekday given off in exchange is not.
			"2026-01-01T16:00+07:00, 0.2, 2026-01-05T08:00+07:00",
			// After the last session: counting starts next morning.
			"2026-03-03T18:00+07:00, 0.5, 2026-03-04T11:15+07:00",
			// During the lunch break: counting starts at 13:30.
			"2026-03-03T12:00+07:00, 0.2, 2026-03-03T15:00+07:00",
			// Fractional days across sessions.
			"2026-03-02T07:30+07:00, 2.5, 2026-03-04T11:15+07:00",
			// Fifteen working days (construction permit) over a weekend and a half.
			"2026-03-02T07:30+07:00, 15, 2026-03-20T17:00+07:00" })
	void addsWorkingDays(OffsetDateTime received, BigDecimal days, OffsetDateTime due) {
		assertThat(CALENDAR.add(received.toInstant(), CALENDAR.days(days))).isEqualTo(due.toInstant());
	}

	@ParameterizedTest(name = "{0} .. {1} = {2}")
	@CsvSource({ "2026-03-02T07:30+07:00, 2026-03-02T17:00+07:00, PT7H30M",
			"2026-03-02T11:00+07:00, 2026-03-02T14:00+07:00, PT1H",
			"2026-02-13T16:00+07:00, 2026-02-23T08:30+07:00, PT2H",
			"2026-03-07T08:00+07:00, 2026-03-08T16:00+07:00, PT0S",
			"2026-03-03T17:00+07:00, 2026-03-02T08:00+07:00, PT0S" })
	void measuresWorkingTimeBetween(OffsetDateTime from, OffsetDateTime to, Duration expected) {
		assertThat(CALENDAR.between(from.toInstant(), to.toInstant())).isEqualTo(expected);
	}

	@ParameterizedTest(name = "received {0} with cut-off {1} counts from {2}")
	@CsvSource({ "2026-03-03T16:30+07:00, 16:00, 2026-03-04T07:30+07:00",
			"2026-03-03T15:59+07:00, 16:00, 2026-03-03T15:59+07:00",
			"2026-02-13T16:30+07:00, 16:00, 2026-02-23T07:30+07:00", "2026-03-03T16:30+07:00, , 2026-03-03T16:30+07:00",
			"2026-03-07T10:00+07:00, 16:00, 2026-03-09T07:30+07:00" })
	void countsFromNextWorkingSessionAfterCutOff(OffsetDateTime received, LocalTime cutOff, OffsetDateTime start) {
		assertThat(CALENDAR.countingStart(received.toInstant(), cutOff)).isEqualTo(start.toInstant());
	}

	// A budget boundary falls on the opening of a session rather than the close of the
	// previous one:
	// a warning one day before Monday 17:00 fires at Monday 07:30, when staff are there
	// to see it.
	@ParameterizedTest(name = "one working day before {0} is {1}")
	@CsvSource({ "2026-03-04T11:15+07:00, 2026-03-03T11:15+07:00", "2026-02-23T10:00+07:00, 2026-02-13T10:00+07:00",
			"2026-03-02T17:00+07:00, 2026-03-02T07:30+07:00" })
	void subtractsWorkingTime(OffsetDateTime due, OffsetDateTime expected) {
		assertThat(CALENDAR.subtract(due.toInstant(), CALENDAR.workingDay())).isEqualTo(expected.toInstant());
	}

	@Property(tries = 300)
	void addingThenMeasuringGivesTheSameDuration(
			@ForAll @LongRange(min = 1767200000L, max = 1798700000L) long epochSecond,
			@ForAll @LongRange(min = 0, max = 30 * 450) long minutes) {
		Instant start = Instant.ofEpochSecond(epochSecond);
		Duration budget = Duration.ofMinutes(minutes);
		Instant due = CALENDAR.add(start, budget);
		assertThat(CALENDAR.between(start, due)).isEqualTo(budget);
		assertThat(CALENDAR.isWorkingDay(due.atZone(ZONE).toLocalDate()) || minutes == 0).isTrue();
	}

	@Property(tries = 300)
	void subtractingUndoesAddingFromAWorkingInstant(
			@ForAll @LongRange(min = 1767200000L, max = 1798700000L) long epochSecond,
			@ForAll @LongRange(min = 1, max = 30 * 450) long minutes) {
		Instant start = CALENDAR.nextWorkingInstant(Instant.ofEpochSecond(epochSecond));
		Duration budget = Duration.ofMinutes(minutes);
		Instant due = CALENDAR.add(start, budget);
		assertThat(CALENDAR.between(CALENDAR.subtract(due, budget), due)).isEqualTo(budget);
	}

	@Test
	void aYearsDaysAreAsLongAsItsOwnSessions() {
		// 2027 (the newest year) works 07:00–11:30 and 13:00–17:00: 8h30 a day.
		// Three days granted in 2026 are still three of 2026's 7h30 days.
		WorkingCalendar.YearRules rules2026 = new WorkingCalendar.YearRules(
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				List.of(new OfficeSession(LocalTime.of(7, 30), LocalTime.of(11, 30)),
						new OfficeSession(LocalTime.of(13, 30), LocalTime.of(17, 0))),
				List.of(), List.of());
		WorkingCalendar.YearRules rules2027 = new WorkingCalendar.YearRules(
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				List.of(new OfficeSession(LocalTime.of(7, 0), LocalTime.of(11, 30)),
						new OfficeSession(LocalTime.of(13, 0), LocalTime.of(17, 0))),
				List.of(), List.of());
		WorkingCalendar calendar = new WorkingCalendar(ZONE, Map.of(2026, rules2026, 2027, rules2027), rules2027);
		Instant received = OffsetDateTime.parse("2026-03-02T07:30+07:00").toInstant();
		assertThat(calendar.days(BigDecimal.valueOf(3), received)).isEqualTo(Duration.ofMinutes(3 * 450));
		assertThat(calendar.add(received, calendar.days(BigDecimal.valueOf(3), received)))
			.isEqualTo(OffsetDateTime.parse("2026-03-04T17:00+07:00").toInstant());
		assertThat(calendar.days(BigDecimal.ONE, OffsetDateTime.parse("2027-03-01T07:00+07:00").toInstant()))
			.isEqualTo(Duration.ofMinutes(510));
	}

}
