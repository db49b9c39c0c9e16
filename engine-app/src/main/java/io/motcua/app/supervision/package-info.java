/**
 * Supervision: the supervisors' inbox of deadline alarms and stuck dossiers (later
 * delivered by mail or SMS), the dashboard and the overdue list, counted by the database
 * from index ranges of the dossier table and the projection of open steps
 * ({@code DashboardQueries}).
 */
package io.motcua.app.supervision;
