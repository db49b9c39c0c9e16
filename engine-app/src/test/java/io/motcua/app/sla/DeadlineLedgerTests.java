package io.motcua.app.sla;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.motcua.app.catalog.Procedure;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineLedgerTests {

	private static final WorkingCalendar CALENDAR = WorkingCalendarTests.CALENDAR;

	private static final Duration THREE_DAYS = CALENDAR.workingDay().multipliedBy(3);

	@Test
	void receiptGivesTheBudgetInWorkingDays() {
		Deadline deadline = replay(received("2026-03-02T07:30+07:00", THREE_DAYS));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-04T17:00+07:00"));
		assertThat(deadline.legalDueAt()).isEqualTo(deadline.dueAt());
		assertThat(deadline.paused()).isFalse();
		assertThat(deadline.lines().get(0).explanation()).contains("3 working days", "02/03/2026 07:30",
				"due 04/03/2026 17:00");
	}

	@Test
	void pauseStopsTheClockAndResumeContinuesWithTheRemainingTime() {
		// Received Monday 07:30 with 3 days; paused Tuesday 07:30 after one day; resumed
		// next Monday 07:30.
		Deadline deadline = replay(received("2026-03-02T07:30+07:00", THREE_DAYS),
				entry(LedgerEntry.Type.PAUSED, "2026-03-03T07:30+07:00"),
				entry(LedgerEntry.Type.RESUMED, "2026-03-09T07:30+07:00"));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-10T17:00+07:00"));
		assertThat(deadline.lines().get(1).dueAfter()).isNull();
		assertThat(deadline.lines().get(1).explanation()).contains("2 working days left", "clock stopped");
		assertThat(deadline.lines().get(2).explanation()).contains("remaining time continues", "due 10/03/2026 17:00");
	}

	@Test
	void whilePausedThereIsNoDueDate() {
		Deadline deadline = replay(received("2026-03-02T07:30+07:00", THREE_DAYS),
				entry(LedgerEntry.Type.PAUSED, "2026-03-03T09:30+07:00"));
		assertThat(deadline.paused()).isTrue();
		assertThat(deadline.dueAt()).isNull();
		assertThat(deadline.remaining()).isEqualTo(THREE_DAYS.minus(CALENDAR.workingDay()).minusHours(2));
	}

	@Test
	void restartGivesTheFullBudgetAgain() {
		Deadline deadline = replay(received("2026-03-02T07:30+07:00", THREE_DAYS),
				entry(LedgerEntry.Type.PAUSED, "2026-03-03T07:30+07:00"),
				entry(LedgerEntry.Type.RESTARTED, "2026-03-09T13:00+07:00"));
		// Restart at lunch counts from 13:30 Monday: 3h30 that day, two full days, 4h on
		// Thursday.
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-12T11:30+07:00"));
		assertThat(deadline.lines().get(2).explanation()).contains("full 3 working days start again");
	}

	@Test
	void resumeAfterAHolidayWeekCountsFromTheFirstWorkingSession() {
		Deadline deadline = replay(received("2026-02-11T07:30+07:00", THREE_DAYS),
				entry(LedgerEntry.Type.PAUSED, "2026-02-12T07:30+07:00"),
				entry(LedgerEntry.Type.RESUMED, "2026-02-17T10:00+07:00"));
		// Two days remain; resumed during Tết, counting starts Monday 23 February.
		assertThat(deadline.dueAt()).isEqualTo(at("2026-02-24T17:00+07:00"));
	}

	@Test
	void twoExtensionsMoveTheAppointmentButNotTheLegalDueDate() {
		Deadline deadline = replay(received("2026-03-02T07:30+07:00", THREE_DAYS),
				extended("2026-03-04T10:00+07:00", "2026-03-06T17:00+07:00", "Chờ ý kiến Phòng Tài nguyên"),
				extended("2026-03-06T10:00+07:00", "2026-03-10T17:00+07:00", "Cần xác minh thực địa"));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-10T17:00+07:00"));
		assertThat(deadline.legalDueAt()).isEqualTo(at("2026-03-04T17:00+07:00"));
		assertThat(deadline.extended()).isTrue();
		assertThat(deadline.lines().get(1).explanation()).contains("+2 working days", "Chờ ý kiến");
		assertThat(deadline.lines().get(2).explanation()).contains("+2 working days");
	}

	@Test
	void extensionOvertakenByACalendarChangeStaysAnExtension() {
		// Extended by one day to Thursday 17:00; then Monday to Wednesday become
		// days off, so the legal due date itself moves past the appointment.
		List<LedgerEntry> entries = List.of(received("2026-03-02T07:30+07:00", THREE_DAYS),
				extended("2026-03-02T09:00+07:00", "2026-03-05T17:00+07:00", "Chờ xác minh"),
				entry(LedgerEntry.Type.CALENDAR_CHANGED, "2026-03-02T10:00+07:00"));
		WorkingCalendar changed = new WorkingCalendar(WorkingCalendarTests.ZONE,
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				List.of(new OfficeSession(LocalTime.of(7, 30), LocalTime.of(11, 30)),
						new OfficeSession(LocalTime.of(13, 30), LocalTime.of(17, 0))),
				List.of(LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4)), List.of());
		Deadline after = DeadlineLedger.replay(entries, changed, at("2026-03-02T10:00+07:00"));
		assertThat(after.extended()).isTrue();
		assertThat(after.legalDueAt()).isEqualTo(at("2026-03-06T17:00+07:00"));
	}

	@Test
	void extensionBeforeAPauseShiftsWithTheRemainingTime() {
		Deadline deadline = replay(received("2026-03-02T07:30+07:00", THREE_DAYS),
				extended("2026-03-02T09:00+07:00", "2026-03-05T17:00+07:00", "Chờ xác minh"),
				entry(LedgerEntry.Type.PAUSED, "2026-03-03T07:30+07:00"),
				entry(LedgerEntry.Type.RESUMED, "2026-03-09T07:30+07:00"));
		// 4 days in all, one used before the pause: three more from Monday 9 March.
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-11T17:00+07:00"));
		assertThat(deadline.legalDueAt()).isEqualTo(at("2026-03-10T17:00+07:00"));
	}

	@Test
	void dossierThatRanOutBeforeThePauseKeepsItsPastDueDate() {
		Deadline deadline = replay(received("2026-03-02T07:30+07:00", CALENDAR.workingDay()),
				entry(LedgerEntry.Type.PAUSED, "2026-03-04T07:30+07:00"),
				entry(LedgerEntry.Type.RESUMED, "2026-03-09T07:30+07:00"));
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-02T17:00+07:00"));
	}

	@Test
	void calendarChangeWhilePausedRecomputesFromTheNewCalendar() {
		List<LedgerEntry> entries = List.of(received("2026-03-02T07:30+07:00", THREE_DAYS),
				entry(LedgerEntry.Type.PAUSED, "2026-03-03T07:30+07:00"),
				entry(LedgerEntry.Type.CALENDAR_CHANGED, "2026-03-05T08:00+07:00"),
				entry(LedgerEntry.Type.RESUMED, "2026-03-09T07:30+07:00"));
		Deadline before = DeadlineLedger.replay(entries, CALENDAR, at("2026-03-09T08:00+07:00"));
		assertThat(before.dueAt()).isEqualTo(at("2026-03-10T17:00+07:00"));
		// The province declares Tuesday 10 March a day off: the remaining two days end on
		// Wednesday.
		List<LocalDate> daysOff = new ArrayList<>(List.of(LocalDate.of(2026, 3, 10)));
		WorkingCalendar changed = new WorkingCalendar(WorkingCalendarTests.ZONE,
				EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
				List.of(new OfficeSession(LocalTime.of(7, 30), LocalTime.of(11, 30)),
						new OfficeSession(LocalTime.of(13, 30), LocalTime.of(17, 0))),
				daysOff, List.of());
		Deadline after = DeadlineLedger.replay(entries, changed, at("2026-03-09T08:00+07:00"));
		assertThat(after.dueAt()).isEqualTo(at("2026-03-11T17:00+07:00"));
		assertThat(after.lines().get(2).explanation()).contains("Working calendar changed");
		assertThat(after.lines().get(2).dueAfter()).isNull();
	}

	@Test
	void cutOffMovesTheStartToTheNextWorkingDay() {
		LedgerEntry late = new LedgerEntry(LedgerEntry.Type.RECEIVED, at("2026-03-02T16:30+07:00"),
				CALENDAR.workingDay(), LocalTime.of(16, 0), null, null, "clerk");
		Deadline deadline = replay(late);
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-03T17:00+07:00"));
		assertThat(deadline.lines().get(0).explanation()).contains("next working session");
	}

	@Test
	void supplementBroughtAfterTheCutOffResumesTheNextWorkingDay() {
		LedgerEntry received = new LedgerEntry(LedgerEntry.Type.RECEIVED, at("2026-03-02T07:30+07:00"), THREE_DAYS,
				LocalTime.of(15, 0), null, null, "clerk");
		Deadline deadline = replay(received, entry(LedgerEntry.Type.PAUSED, "2026-03-03T07:30+07:00"),
				entry(LedgerEntry.Type.RESUMED, "2026-03-09T15:30+07:00"));
		// Two days left, counted from Tuesday 10 March 07:30, not Monday 15:30
		assertThat(deadline.dueAt()).isEqualTo(at("2026-03-11T17:00+07:00"));
	}

	@Test
	void afterAResumeAStepGetsItsShareOfWhatIsLeft() {
		// Three days, one used before the pause: two left from Monday 9 March. A step
		// with half the time gets one day (half of what is left), not one and a half.
		Deadline deadline = replay(received("2026-03-02T07:30+07:00", THREE_DAYS),
				entry(LedgerEntry.Type.PAUSED, "2026-03-03T07:30+07:00"),
				entry(LedgerEntry.Type.RESUMED, "2026-03-09T07:30+07:00"));
		assertThat(deadline.stepDue(at("2026-03-09T07:30+07:00"), 50, CALENDAR))
			.isEqualTo(at("2026-03-09T17:00+07:00"));
	}

	@Test
	void aStepNeverStartsBeforeItsDossiersClock() {
		LedgerEntry late = new LedgerEntry(LedgerEntry.Type.RECEIVED, at("2026-03-02T16:30+07:00"), THREE_DAYS,
				LocalTime.of(15, 0), null, null, "clerk");
		// Handed over at 16:30 Monday; the dossier counts from Tuesday 07:30
		assertThat(replay(late).stepDue(at("2026-03-02T16:30+07:00"), 10, CALENDAR))
			.isEqualTo(at("2026-03-03T09:45+07:00"));
	}

	@Test
	void aProcedureCutOffOverridesTheProvinceDefault() {
		SlaProperties province = new SlaProperties(Duration.ofHours(7), 20, LocalTime.of(15, 0));
		assertThat(DeadlineService.cutOff(procedure(null), province)).isEqualTo(LocalTime.of(15, 0));
		assertThat(DeadlineService.cutOff(procedure(LocalTime.of(16, 0)), province)).isEqualTo(LocalTime.of(16, 0));
	}

	private static Procedure procedure(LocalTime cutOff) {
		return new Procedure("X-01", 1, "x", "x", BigDecimal.ONE, 0L, List.of(), "x", "dossier-lifecycle", null, true,
				Procedure.SupplementResumeMode.CONTINUE, Map.of(), cutOff, false);
	}

	private static Deadline replay(LedgerEntry... entries) {
		return DeadlineLedger.replay(List.of(entries), CALENDAR, at("2026-03-03T09:30+07:00"));
	}

	private static LedgerEntry received(String at, Duration budget) {
		return new LedgerEntry(LedgerEntry.Type.RECEIVED, at(at), budget, null, null, null, "clerk");
	}

	private static LedgerEntry entry(LedgerEntry.Type type, String at) {
		return new LedgerEntry(type, at(at), null, null, null, null, "specialist");
	}

	private static LedgerEntry extended(String at, String appointment, String reason) {
		return new LedgerEntry(LedgerEntry.Type.EXTENDED, at(at), null, null, at(appointment), reason, "approver");
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}

}
