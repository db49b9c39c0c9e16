-- A step's own form (review findings, approval remarks) and the data it was completed with.
alter table dossier_task add column form_id varchar(100);
alter table dossier_task add column form_data varchar(100000);
