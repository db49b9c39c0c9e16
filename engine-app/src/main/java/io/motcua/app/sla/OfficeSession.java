package io.motcua.app.sla;

import java.time.Duration;
import java.time.LocalTime;

/**
 * One session of office hours in a working day, e.g. 07:30–11:30.
 *
 * @param start opening time
 * @param end closing time, after {@code start}
 */
public record OfficeSession(LocalTime start, LocalTime end) {

	public OfficeSession {
		if (start == null || end == null || !end.isAfter(start)) {
			throw new IllegalArgumentException("An office session must end after it starts: " + start + "–" + end);
		}
	}

	/** Length of the session. */
	public Duration length() {
		return Duration.between(this.start, this.end);
	}

	@Override
	public String toString() {
		return this.start + "–" + this.end;
	}

}
