-- How many business events each dossier has published: the next event takes the next number,
-- under the dossier row's lock, so that receivers outside (webhooks, the national portal) get
-- each dossier's events in the order they were committed and can tell when one is missing.
alter table dossier add column event_sequence bigint default 0 not null;
