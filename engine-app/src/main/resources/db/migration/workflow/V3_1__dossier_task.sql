-- Projection of user tasks kept by task listeners; worklists read this, never Camunda's task tables.
create table dossier_task (
    task_id varchar(64) primary key,
    dossier_code varchar(60) not null,
    process_instance_id varchar(64) not null,
    task_key varchar(100) not null,
    name varchar(200) not null,
    candidate_group varchar(100),
    unit_code varchar(40),
    role varchar(20),
    assignee varchar(60),
    outcomes varchar(300),
    created_at timestamp(6) with time zone not null,
    due_at timestamp(6) with time zone,
    completed_at timestamp(6) with time zone,
    completed_by varchar(60),
    outcome varchar(40),
    verdict varchar(10),
    version bigint not null default 0
);
-- Group worklist: open tasks of a candidate group by deadline.
create index dossier_task_group_idx on dossier_task (candidate_group, completed_at, due_at);
-- Personal worklist.
create index dossier_task_assignee_idx on dossier_task (assignee, completed_at, due_at);
create index dossier_task_dossier_idx on dossier_task (dossier_code);
