-- H2 has no partial indexes; the worklist indexes of V3_1 serve the embedded database.
select 1;
