-- One drift classification per repository and commit, from a push or from the nightly scan: what the Drift check
-- run and the REST API show. A commit's drift never changes, so a redelivery or a later scan finds it again.
create table drift_report (
    id              bigserial primary key,
    repository_id   bigint      not null,
    head_sha        text        not null,
    ref             text,
    source          text        not null,
    delivery_id     text,
    manifest_path   text        not null,
    mode            text        not null,
    -- CLEAN, DRIFTED, FAILED; INVALID when the manifest could not be used (problem says why)
    verdict         text        not null,
    problem         text,
    nodes           integer     not null default 0,
    drifted         integer     not null default 0,
    counts          jsonb       not null default '{}',
    files_read      integer     not null default 0,
    tree_truncated  boolean     not null default false,
    config_location text,
    config_problems jsonb       not null default '[]',
    -- the report in Markdown within a check run summary's limit, and the annotations of its drifted files
    summary         text        not null,
    annotations     jsonb       not null default '[]',
    millis          integer,
    created_at      timestamptz not null default now(),
    constraint drift_report_commit_key unique (repository_id, head_sha),
    constraint drift_report_source_check check (source in ('push', 'scan')),
    constraint drift_report_verdict_check check (verdict in ('CLEAN', 'DRIFTED', 'FAILED', 'INVALID'))
);

-- History pages walk a repository's reports newest first.
create index drift_report_repo_idx on drift_report (repository_id, id desc);

-- Each node of a report: its kind for the per-context views, and its full drift (files, suggestions) as JSON.
create table drift_node (
    report_id  bigint           not null references drift_report (id),
    node_id    text             not null,
    context    text             not null,
    kind       text             not null,
    confidence double precision not null,
    detail     jsonb            not null,
    primary key (report_id, node_id)
);

-- The one "Drift" check run of a pushed commit, found again by GitHub's id.
create table drift_check_run (
    repository_id bigint      not null,
    head_sha      text        not null,
    check_run_id  bigint      not null,
    -- annotations append on GitHub, so they are sent once
    annotated     boolean     not null default false,
    created_at    timestamptz not null default now(),
    primary key (repository_id, head_sha)
);

-- Each run of the scheduled scan: how many repositories it looked at and what it found.
create table drift_scan (
    id           bigserial primary key,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    repositories integer     not null default 0,
    scanned      integer     not null default 0,
    unchanged    integer     not null default 0,
    skipped      integer     not null default 0,
    drifted      integer     not null default 0,
    invalid      integer     not null default 0,
    failed       integer     not null default 0,
    -- [{"repository", "problem"}] for the repositories that could not be scanned
    problems     jsonb       not null default '[]'
);

-- Remediations of drift come from a pushed commit (the subject), not from a workflow run.
alter table remediation alter column run_id drop not null;
alter table remediation alter column run_attempt drop not null;
alter table remediation add column subject text;
-- when a regeneration's workflow was dispatched: a resumed execution must not dispatch it twice
alter table remediation add column dispatched_at timestamptz;
alter table remediation add constraint remediation_origin_check check (run_id is not null or subject is not null);
-- one remediation of a kind per pushed commit and target, as per run for failures
create unique index remediation_subject_unique on remediation (repository_id, subject, action, target)
    where run_id is null;
