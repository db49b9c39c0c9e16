-- Spring Modulith's event publication registry: an event is stored here, once per listener that
-- reacts to it after commit, in the transaction of the command that publishes it, and deleted when
-- the listener succeeds. What stays is what still has to run (retried by ReactionRetries).
create table event_publication (
    id uuid not null primary key,
    listener_id text not null,
    event_type text not null,
    serialized_event text not null,
    publication_date timestamp with time zone not null,
    completion_date timestamp with time zone
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_publication_date_idx on event_publication (publication_date);
