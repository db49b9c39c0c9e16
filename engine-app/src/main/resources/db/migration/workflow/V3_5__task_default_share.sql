-- The step's share of the processing time as its model gives it, kept so that its due
-- date can be re-projected (calendar change, resume) without the model at hand.
alter table dossier_task add column default_share integer;
