-- What an issued document was issued for (the receipt, a status change, an extension): a reaction
-- that runs again after a failure or on another node finds it and does not issue it twice.
alter table document add column issued_for varchar(80);
create unique index document_issued_once_idx on document (dossier_code, document_type, issued_for);

-- A receipt to print: its lookup secret waits here, for the moment between the intake's commit and
-- the receipt, and is deleted when the receipt is stored (the receipt itself then holds it).
create table receipt_order (
    dossier_code varchar(60) primary key,
    lookup_secret varchar(64) not null,
    ordered_at timestamp(6) with time zone not null
);
