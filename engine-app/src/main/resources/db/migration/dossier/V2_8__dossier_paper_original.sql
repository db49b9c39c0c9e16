-- The counter's checklist: each document the applicant brought as a paper
-- original, with the number of copies received. Documents brought as files
-- are in the document table; a required document is one or the other.
create table dossier_paper_original (
    dossier_code varchar(60) not null references dossier (code),
    document_type varchar(60) not null,
    copies integer not null check (copies > 0),
    primary key (dossier_code, document_type)
);
