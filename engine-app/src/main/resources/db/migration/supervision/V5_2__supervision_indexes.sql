-- The supervisor's dashboard and overdue list (DashboardQueries) read index ranges that the period
-- or the open state bounds, so that they cost what the period holds, not what a unit ever received.
-- Dossiers a unit processes: received in a period (by channel), completed in a period (by verdict),
-- and open (completed_at null) by due date, most overdue first.
create index dossier_unit_received_idx on dossier (processing_unit, received_at, channel);
create index dossier_unit_completed_idx on dossier (processing_unit, completed_at, due_at, warning_at, verdict, code);
-- Dossiers a unit received for another unit to process: the same, behind the pair of units.
create index dossier_cross_received_idx on dossier (receiving_unit, processing_unit, received_at, channel);
create index dossier_cross_completed_idx on dossier (receiving_unit, processing_unit, completed_at, due_at, warning_at, verdict, code);
