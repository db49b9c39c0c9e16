-- The form (id and version) a dossier's form data was submitted with.
alter table dossier add column form_id varchar(100);
alter table dossier add column form_version varchar(40);
