-- Reactions after commit that failed: one row per listener and event, with how often and why,
-- so that retries back off and administrators see what is stuck. Removed once the reaction ran.
create table reaction_failure (
    listener_id varchar(512) not null,
    event_hash varchar(64) not null,
    dossier_code varchar(60),
    event_type varchar(255) not null,
    attempts integer not null,
    last_error varchar(2000),
    first_failed_at timestamp(6) with time zone not null,
    last_failed_at timestamp(6) with time zone not null,
    primary key (listener_id, event_hash)
);
