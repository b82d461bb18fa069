-- When a remediation took one of its repository's daily pull request slots (its branch was reserved): the daily
-- limit counts these, under a per-repository lock, so that concurrent executions cannot overshoot it.
alter table remediation add column branch_at timestamptz;
update remediation set branch_at = updated_at where branch is not null;
create index remediation_branch_at_idx on remediation (repository_id, branch_at) where branch_at is not null;
