-- Reconciliation of missed webhooks: how far the app's delivery log has been read (GitHub's attempt ids grow), and
-- the redeliveries asked for, so that a delivery that keeps failing is asked for a bounded number of times.
create table webhook_log_cursor (
    id             integer primary key check (id = 1),
    newest_seen_id bigint      not null,
    updated_at     timestamptz not null default now()
);

create table redelivery_request (
    guid              text primary key,
    requests          integer     not null default 1,
    last_requested_at timestamptz not null default now()
);

-- The backstop's last listing of each repository's runs.
create table backstop_checkpoint (
    repository_id bigint primary key,
    checked_at    timestamptz not null
);

-- One analysis per run attempt, whatever number of deliveries bring it: the first delivery to claim it does the
-- work (and its retries after a crash inherit the claim); any other delivery of the same attempt does nothing.
create table run_claim (
    repository_id bigint      not null,
    run_id        bigint      not null,
    attempt       integer     not null,
    delivery_id   text        not null,
    claimed_at    timestamptz not null default now(),
    primary key (repository_id, run_id, attempt)
);

-- A sticky comment is claimed (comment_id null) before it is created, so that two runs of one pull request
-- finishing at once create one comment.
alter table sticky_comment alter column comment_id drop not null;
