/**
 * Supervision: the supervisors' inbox of deadline alarms (later delivered by mail or
 * SMS), and later the dashboard and overdue lists.
 */
package io.motcua.app.supervision;
