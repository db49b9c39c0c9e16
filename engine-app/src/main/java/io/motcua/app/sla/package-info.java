/**
 * Legal deadlines: the working calendar (stored per year, editable by administrators),
 * the deadline ledger from which every dossier's due date is derived, the SLA alarms that
 * warn and mark dossiers overdue, extensions with their apology letter, and the early /
 * on time / late verdicts. This feature owns every deadline fact: the dossier's due and
 * warning dates and its process's timer dates are projections it writes in the same
 * transaction as the ledger entry they follow; a calendar change re-projects every open
 * dossier after it commits.
 */
package io.motcua.app.sla;
