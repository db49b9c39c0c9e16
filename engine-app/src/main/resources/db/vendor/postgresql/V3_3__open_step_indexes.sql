-- Worklists read open steps only, by due date: partial indexes hold just the open ones (a small
-- share of all steps once dossiers pile up), in the order the worklist shows them.
create index dossier_task_open_assignee_idx on dossier_task (assignee, due_at, created_at) where completed_at is null;
create index dossier_task_open_group_idx on dossier_task (candidate_group, due_at, created_at)
    where completed_at is null and assignee is null;
