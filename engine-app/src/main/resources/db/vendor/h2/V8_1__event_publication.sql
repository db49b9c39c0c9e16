-- Spring Modulith's event publication registry (see the PostgreSQL version for what it holds).
create table event_publication (
    id uuid not null primary key,
    listener_id varchar(512) not null,
    event_type varchar(512) not null,
    serialized_event varchar(8000) not null,
    publication_date timestamp(9) with time zone not null,
    completion_date timestamp(9) with time zone
);
create index event_publication_by_listener_id_and_serialized_event_idx on event_publication (listener_id, serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
create index event_publication_by_publication_date_idx on event_publication (publication_date);
