-- Every webhook delivery, stored before GitHub gets its answer and processed from here.
create table delivery (
    id                   bigserial primary key,
    delivery_id          text        not null,
    event                text        not null,
    action               text,
    installation_id      bigint,
    repository_id        bigint,
    repository_full_name text,
    -- bytea, not jsonb: jsonb refuses \u0000 and rejected bodies need not be JSON or UTF-8
    payload              bytea       not null,
    payload_size         integer     not null,
    status               text        not null,
    status_reason        text,
    attempts             integer     not null default 0,
    received_at          timestamptz not null default now(),
    next_attempt_at      timestamptz not null default now(),
    lease_owner          text,
    lease_until          timestamptz,
    finished_at          timestamptz,
    constraint delivery_delivery_id_key unique (delivery_id),
    constraint delivery_status_check check (status in
        ('RECEIVED', 'PROCESSING', 'RETRY', 'DONE', 'FAILED', 'REJECTED', 'IGNORED'))
);

-- The recovery job only ever looks at unfinished deliveries.
create index delivery_unfinished_idx on delivery (next_attempt_at)
    where status in ('RECEIVED', 'PROCESSING', 'RETRY');

create table installation (
    id            bigint primary key,
    account_login text        not null,
    account_id    bigint,
    account_type  text,
    suspended_at  timestamptz,
    removed_at    timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now()
);

create table repository (
    id              bigint primary key,
    installation_id bigint      not null references installation (id),
    full_name       text        not null,
    is_private      boolean,
    default_branch  text,
    removed_at      timestamptz,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);

create index repository_full_name_idx on repository (lower(full_name));
create index repository_installation_idx on repository (installation_id);

-- Each attempt of each workflow run: the evidence for culprit finding and flaky detection.
create table workflow_run (
    run_id          bigint      not null,
    run_attempt     integer     not null,
    repository_id   bigint      not null,
    workflow_id     bigint,
    workflow_name   text,
    workflow_path   text,
    head_sha        text        not null,
    head_branch     text,
    event           text,
    status          text,
    conclusion      text,
    pull_request_numbers integer[] not null default '{}',
    run_started_at  timestamptz,
    updated_at      timestamptz not null default now(),
    delivery_id     text,
    primary key (run_id, run_attempt)
);

create index workflow_run_repo_branch_idx on workflow_run (repository_id, head_branch, workflow_id);
create index workflow_run_repo_sha_idx on workflow_run (repository_id, head_sha);

create table push (
    delivery_id   text primary key,
    repository_id bigint      not null,
    ref           text        not null,
    before_sha    text,
    after_sha     text,
    forced        boolean     not null default false,
    deleted       boolean     not null default false,
    commit_count  integer     not null default 0,
    pusher        text,
    own_branch    boolean     not null default false,
    received_at   timestamptz not null default now()
);

create index push_repo_ref_idx on push (repository_id, ref, received_at desc);
