package io.motcua.app.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.motcua.app.system.FieldError;

/**
 * The working calendar of one year as administrators edit it.
 *
 * @param year the year
 * @param zone the offices' time zone
 * @param workingWeek days of the week normally worked
 * @param sessions office sessions of a working day
 * @param daysOff public holidays and weekdays given off, each with its name
 * @param extraWorkingDays weekend days that are worked (swapped days), each with its
 * reason
 */
public record CalendarYear(int year, ZoneId zone, List<DayOfWeek> workingWeek, List<OfficeSession> sessions,
		List<NamedDay> daysOff, List<NamedDay> extraWorkingDays) {

	public CalendarYear {
		workingWeek = (workingWeek != null) ? List.copyOf(workingWeek) : List.of();
		sessions = (sessions != null) ? List.copyOf(sessions) : List.of();
		daysOff = (daysOff != null) ? List.copyOf(daysOff) : List.of();
		extraWorkingDays = (extraWorkingDays != null) ? List.copyOf(extraWorkingDays) : List.of();
	}

	/** Every rule this year breaks, as field errors; empty when it is valid. */
	List<FieldError> violations() {
		List<FieldError> errors = new ArrayList<>();
		if (this.zone == null) {
			errors.add(new FieldError("zone", "required, e.g. Asia/Ho_Chi_Minh"));
		}
		if (this.workingWeek.isEmpty()) {
			errors.add(new FieldError("workingWeek", "must name at least one day"));
		}
		if (this.sessions.isEmpty()) {
			errors.add(new FieldError("sessions", "must have at least one office session"));
		}
		for (int i = 0; i < this.sessions.size(); i++) {
			OfficeSession session = this.sessions.get(i);
			if (session == null) {
				errors.add(new FieldError("sessions[" + i + "]", "must have start and end"));
			}
		}
		try {
			rules();
		}
		catch (IllegalArgumentException ex) {
			errors.add(new FieldError("sessions", ex.getMessage()));
		}
		Set<LocalDate> seen = new HashSet<>();
		checkDays("daysOff", this.daysOff, seen, errors);
		checkDays("extraWorkingDays", this.extraWorkingDays, seen, errors);
		return errors;
	}

	private void checkDays(String field, List<NamedDay> days, Set<LocalDate> seen, List<FieldError> errors) {
		for (int i = 0; i < days.size(); i++) {
			NamedDay day = days.get(i);
			if (day == null || day.date() == null) {
				errors.add(new FieldError(field + "[" + i + "].date", "required"));
			}
			else if (day.date().getYear() != this.year) {
				errors.add(new FieldError(field + "[" + i + "].date", day.date() + " is not in " + this.year));
			}
			else if (!seen.add(day.date())) {
				errors.add(new FieldError(field + "[" + i + "].date", day.date() + " is listed twice"));
			}
		}
	}

	WorkingCalendar.YearRules rules() {
		return new WorkingCalendar.YearRules(this.workingWeek, this.sessions,
				this.daysOff.stream().map(NamedDay::date).toList(),
				this.extraWorkingDays.stream().map(NamedDay::date).toList());
	}

	/**
	 * A date with its name (the holiday) or reason (the swap).
	 *
	 * @param date the date
	 * @param name what it is
	 */
	public record NamedDay(LocalDate date, String name) {
	}

}
