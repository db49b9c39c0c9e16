-- A signature on a result that did not verify is set aside when the dossier goes back to signing:
-- kept for the record, no longer the result's.
alter table result_signature add column voided_at timestamp(6) with time zone;
