-- The comment a step was completed with: the timeline shows it, and letters print it as the reason.
alter table dossier_task add column outcome_comment varchar(2000);
