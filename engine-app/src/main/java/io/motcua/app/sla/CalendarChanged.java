package io.motcua.app.sla;

/**
 * An administrator changed the working calendar of a year.
 *
 * @param year the year changed
 * @param actor who changed it
 */
public record CalendarChanged(int year, String actor) {
}
