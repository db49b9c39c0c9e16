-- How often each of the engine's jobs (seal and verification, timers) has failed, and since when:
-- Camunda keeps only the retries left. Written in the engine's command that records a failure;
-- a row whose job is gone (it ran at last, or its process moved on) is swept away.
create table job_failure (
    job_id varchar(64) primary key,
    attempts integer not null,
    first_failed_at timestamp(6) with time zone not null,
    last_failed_at timestamp(6) with time zone not null
);
