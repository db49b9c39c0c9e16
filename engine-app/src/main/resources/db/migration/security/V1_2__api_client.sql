-- Machine clients (the national portal, other systems): an API key (only its hash is kept) or
-- an OAuth2 client id whose tokens come from the province's identity provider; each limited
-- to scopes, units and event types.
create table api_client (
    id varchar(36) primary key,
    name varchar(100) not null unique,
    key_prefix varchar(20) unique,
    key_hash varchar(64),
    oauth_client_id varchar(200) unique,
    unit_code varchar(40) not null,
    units varchar(4000) not null,
    scopes varchar(500) not null,
    event_types varchar(2000) not null,
    active boolean not null,
    created_by varchar(60) not null,
    created_at timestamp with time zone not null,
    version bigint default 0 not null
);
