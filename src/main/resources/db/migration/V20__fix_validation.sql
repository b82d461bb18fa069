-- The validation of a fix's pull request: its CI on the pull request's head, followed from the EXECUTED event on.
-- One row per remediation that opened a pull request; the lifecycle events (VALIDATION_STARTED, ...) are in the
-- audit trail, this row keeps what they were about (the head and its checks).
create table fix_validation (
    remediation_id bigint      primary key references remediation (id) on delete cascade,
    repository_id  bigint      not null,
    pull_number    integer     not null,
    branch         text        not null,
    head_sha       text        not null,
    state          text        not null,
    checks         jsonb       not null default '[]',
    started_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    constraint fix_validation_state_check check (state in ('PENDING', 'PASSED', 'FAILED'))
);

create index fix_validation_pending_idx on fix_validation (updated_at) where state = 'PENDING';
create index fix_validation_head_idx on fix_validation (repository_id, branch);
