package io.motcua.app.workflow;

import java.time.Instant;

/**
 * Where a dossier's SLA timers should fire.
 *
 * @param processInstanceId the dossier's process instance
 * @param warningAt when the warning timer fires, null while the clock is stopped
 * @param dueAt when the overdue timer fires, null while the clock is stopped
 */
public record SlaTimers(String processInstanceId, Instant warningAt, Instant dueAt) {
}
