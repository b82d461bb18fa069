-- The commit a fix's pull request became when it merged: a break whose culprit is that commit is a rollback of
-- Remediator's own change.
alter table remediation add column merge_commit_sha text;
create index remediation_merge_commit_idx on remediation (repository_id, merge_commit_sha)
    where merge_commit_sha is not null;
