package io.motcua.app.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import io.motcua.app.sla.CalendarService;
import io.motcua.app.sla.WorkingCalendar;

/**
 * Formatting for the templates ({@code @fmt}): dates in the office's time zone, remaining
 * working time, and the on track / due soon / overdue state of a deadline.
 */
@Component("fmt")
public class WebFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private final Clock clock;

	private final CalendarService calendars;

	private final MessageSource messages;

	WebFormat(Clock clock, CalendarService calendars, MessageSource messages) {
		this.clock = clock;
		this.calendars = calendars;
		this.messages = messages;
	}

	public String dateTime(Instant instant) {
		return (instant != null) ? DATE_TIME.format(instant.atZone(zone())) : "—";
	}

	public String date(Instant instant) {
		return (instant != null) ? DATE.format(instant.atZone(zone())) : "—";
	}

	/**
	 * State of a deadline: {@code done}, {@code overdue}, {@code duesoon},
	 * {@code ontrack} or {@code none} (no due date, e.g. while paused).
	 */
	public String state(Instant dueAt, Instant warningAt, Instant completedAt) {
		if (completedAt != null) {
			return "done";
		}
		if (dueAt == null) {
			return "none";
		}
		Instant now = this.clock.instant();
		if (now.isAfter(dueAt)) {
			return "overdue";
		}
		if ((warningAt != null && !now.isBefore(warningAt))
				|| (warningAt == null && calendar().between(now, dueAt).compareTo(calendar().workingDay()) < 0)) {
			return "duesoon";
		}
		return "ontrack";
	}

	/** Working time left until {@code dueAt} (negative past it), e.g. "2 ngày 3 giờ". */
	public String remaining(Instant dueAt) {
		if (dueAt == null) {
			return "—";
		}
		Instant now = this.clock.instant();
		WorkingCalendar calendar = calendar();
		boolean late = now.isAfter(dueAt);
		Duration left = late ? calendar.between(dueAt, now) : calendar.between(now, dueAt);
		String text = workingTime(left.toMinutes());
		return late ? message("time.late", text) : text;
	}

	/** Working minutes as days (of the office's working day), hours and minutes. */
	public String workingTime(long minutes) {
		long abs = Math.abs(minutes);
		long day = Math.max(1, calendar().workingDay().toMinutes());
		long days = abs / day;
		long hours = (abs % day) / 60;
		long mins = abs % 60;
		StringBuilder text = new StringBuilder();
		if (days > 0) {
			text.append(message("time.days", days)).append(' ');
		}
		if (hours > 0) {
			text.append(message("time.hours", hours)).append(' ');
		}
		if (days == 0 && (mins > 0 || hours == 0)) {
			text.append(message("time.minutes", mins));
		}
		return text.toString().trim();
	}

	/** Elapsed calendar time since {@code since}, e.g. "3 ngày 2 giờ". */
	public String since(Instant since) {
		if (since == null) {
			return "—";
		}
		Duration elapsed = Duration.between(since, this.clock.instant());
		if (elapsed.isNegative()) {
			elapsed = Duration.ZERO;
		}
		long days = elapsed.toDays();
		long hours = elapsed.toHoursPart();
		return (days > 0) ? message("time.days", days) + " " + message("time.hours", hours)
				: message("time.hours", hours) + " " + message("time.minutes", elapsed.toMinutesPart());
	}

	public String money(Long amount) {
		return (amount == null || amount == 0) ? message("money.free")
				: String.format(LocaleContextHolder.getLocale(), "%,d ₫", amount);
	}

	ZoneId zone() {
		return calendar().zone();
	}

	private WorkingCalendar calendar() {
		return this.calendars.current();
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
