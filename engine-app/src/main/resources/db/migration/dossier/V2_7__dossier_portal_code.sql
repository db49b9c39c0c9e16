-- The national portal's own code of a dossier submitted there and handed over: unique, so the
-- same application cannot become two dossiers, and the portal can follow it by its code.
alter table dossier add column portal_code varchar(60);
create unique index dossier_portal_code_idx on dossier (portal_code);
