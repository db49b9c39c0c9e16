package io.motcua.app.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Derives a deadline from ledger entries under a working calendar. The counted time is a
 * list of segments: receipt opens one, a pause closes it, a resume opens another, a
 * restart discards the earlier ones. The due date is where the segments' working time
 * reaches the budget, so a dossier that ran out of time before a pause keeps its (past)
 * due date.
 */
final class DeadlineLedger {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private DeadlineLedger() {
	}

	/**
	 * Replays the entries.
	 * @param entries the ledger, oldest first, starting with RECEIVED
	 * @param calendar the working calendar to count with
	 * @param now the instant at which consumed time is measured
	 */
	static Deadline replay(List<LedgerEntry> entries, WorkingCalendar calendar, Instant now) {
		List<Segment> segments = new ArrayList<>();
		Duration budget = Duration.ZERO;
		Duration extension = Duration.ZERO;
		// An extension is an apology: the dossier stays late even when a calendar
		// change later leaves no working time between the due date and it
		boolean extended = false;
		// The cut-off the dossier was received under also applies to a supplement
		// brought back: after it, the clock resumes the next working day
		LocalTime cutOff = null;
		List<Deadline.Line> lines = new ArrayList<>();
		for (LedgerEntry entry : entries) {
			String explanation;
			switch (entry.type()) {
				case RECEIVED -> {
					cutOff = entry.cutOff();
					Instant start = calendar.countingStart(entry.at(), cutOff);
					segments.clear();
					segments.add(new Segment(start, null));
					budget = entry.budget();
					explanation = "Received " + show(entry.at(), calendar) + "; " + describe(budget, calendar)
							+ " counted from " + show(start, calendar)
							+ (start.equals(entry.at()) ? "" : " (next working session)");
				}
				case PAUSED -> {
					Segment open = open(segments);
					if (open == null) {
						explanation = "Paused again " + show(entry.at(), calendar) + ": the clock was already stopped";
					}
					else {
						segments.set(segments.size() - 1, new Segment(open.start(), entry.at()));
						Duration used = used(segments, calendar, entry.at());
						explanation = "Paused " + show(entry.at(), calendar) + " (supplement requested): "
								+ describe(budget.plus(extension).minus(used), calendar) + " left, clock stopped";
					}
				}
				case RESUMED, RESTARTED -> {
					Instant start = calendar.countingStart(entry.at(), cutOff);
					if (open(segments) != null) {
						explanation = "Supplement recorded " + show(entry.at(), calendar)
								+ " while the clock was running; nothing changes";
					}
					else if (entry.type() == LedgerEntry.Type.RESTARTED) {
						segments.clear();
						segments.add(new Segment(start, null));
						explanation = "Supplement received " + show(entry.at(), calendar) + "; the full "
								+ describe(budget, calendar) + " start again from " + show(start, calendar);
					}
					else {
						segments.add(new Segment(start, null));
						explanation = "Supplement received " + show(entry.at(), calendar)
								+ "; the remaining time continues from " + show(start, calendar);
					}
				}
				case EXTENDED -> {
					Instant before = due(segments, budget.plus(extension), calendar);
					Duration extra = (before != null) ? calendar.between(before, entry.appointment()) : Duration.ZERO;
					extension = extension.plus(extra);
					extended = true;
					explanation = "Extended to " + show(entry.appointment(), calendar) + " (+"
							+ describe(extra, calendar) + "): " + entry.reason();
				}
				case CALENDAR_CHANGED -> explanation = "Working calendar changed"
						+ ((entry.reason() != null) ? " (" + entry.reason() + ")" : "") + "; due date recomputed";
				default -> throw new IllegalStateException("Unknown ledger entry " + entry.type());
			}
			Instant dueAfter = due(segments, budget.plus(extension), calendar);
			lines.add(new Deadline.Line(entry, dueAfter,
					explanation + ((dueAfter != null) ? " → due " + show(dueAfter, calendar) : "")));
		}
		Instant due = due(segments, budget.plus(extension), calendar);
		Instant legalDue = due(segments, budget, calendar);
		Segment running = open(segments);
		Duration total = budget.plus(extension);
		Duration leftWhenStarted = null;
		if (running != null) {
			leftWhenStarted = total.minus(used(segments.subList(0, segments.size() - 1), calendar, now));
		}
		return new Deadline(due, legalDue, running == null, total, used(segments, calendar, now), extended,
				(running != null) ? running.start() : null, leftWhenStarted, lines);
	}

	/**
	 * Where the counted segments reach {@code total}; null when the clock is stopped
	 * short of it.
	 */
	static Instant due(List<Segment> segments, Duration total, WorkingCalendar calendar) {
		if (segments.isEmpty()) {
			return null;
		}
		Duration counted = Duration.ZERO;
		for (Segment segment : segments) {
			Duration left = total.minus(counted);
			if (segment.end() == null) {
				return calendar.add(segment.start(), left.isNegative() ? Duration.ZERO : left);
			}
			Duration length = calendar.between(segment.start(), segment.end());
			if (length.compareTo(left) >= 0) {
				return calendar.add(segment.start(), left);
			}
			counted = counted.plus(length);
		}
		return null;
	}

	private static Duration used(List<Segment> segments, WorkingCalendar calendar, Instant now) {
		Duration used = Duration.ZERO;
		for (Segment segment : segments) {
			Instant end = (segment.end() != null) ? segment.end() : now;
			used = used.plus(calendar.between(segment.start(), end));
		}
		return used;
	}

	private static Segment open(List<Segment> segments) {
		if (segments.isEmpty()) {
			return null;
		}
		Segment last = segments.get(segments.size() - 1);
		return (last.end() == null) ? last : null;
	}

	static String describe(Duration workingTime, WorkingCalendar calendar) {
		boolean negative = workingTime.isNegative();
		Duration abs = workingTime.abs();
		long day = calendar.workingDay().toMinutes();
		long minutes = abs.toMinutes();
		long days = minutes / day;
		long rest = minutes % day;
		StringBuilder text = new StringBuilder(negative ? "-" : "");
		if (days > 0) {
			text.append(days).append(days == 1 ? " working day" : " working days");
		}
		if (rest > 0 || days == 0) {
			if (days > 0) {
				text.append(' ');
			}
			text.append(rest / 60).append('h').append(String.format("%02d", rest % 60));
		}
		return text.toString();
	}

	private static String show(Instant instant, WorkingCalendar calendar) {
		return ZonedDateTime.ofInstant(instant, calendar.zone()).format(SHOWN);
	}

	/** A stretch of counted time; {@code end} is null while the clock runs. */
	record Segment(Instant start, Instant end) {
	}

}
