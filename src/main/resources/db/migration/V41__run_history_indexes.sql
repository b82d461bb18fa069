-- A failed run's evidence reads its branch's history newest first, a few rows at a time (the last 20 completed runs,
-- the last green one). Indexed in that order, a read costs the rows it returns; before, it joined and sorted the
-- branch's whole history, on every failed run.
drop index workflow_run_repo_branch_idx;
create index workflow_run_recent_idx on workflow_run (repository_id, head_branch, workflow_id, updated_at desc);
create index workflow_run_green_idx on workflow_run (repository_id, head_branch, workflow_id, run_id desc)
    where conclusion = 'success';
