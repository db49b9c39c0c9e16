/**
 * Legal deadlines: the working calendar (stored per year, editable by administrators),
 * the deadline ledger from which every dossier's due date is derived, the SLA timers that
 * warn and mark dossiers overdue, extensions with their apology letter, and the early /
 * on time / late verdicts.
 */
package io.motcua.app.sla;
