/**
 * Metrics of the office's work for Prometheus ({@code /actuator/prometheus}): dossiers
 * received by channel and unit, completed by verdict, open and overdue per unit, stuck
 * dossiers per cause, and how long each step took. Counted from the events the commands
 * publish, once their transaction has committed; the open, overdue and stuck gauges are
 * counted on a schedule, not per scrape. Other features time their own work where it
 * happens (signing and verification in {@code signature}, deliveries in {@code outbound},
 * reactions in {@code operations}).
 */
package io.motcua.app.metrics;
