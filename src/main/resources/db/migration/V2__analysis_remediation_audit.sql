-- What the analysis of a failed run attempt concluded, with what its reports need to be drawn again later
-- (on an approval, an expiry): the jobs' analyses, the culprit and the config's problems, as JSON.
create table run_analysis (
    run_id          bigint      not null,
    run_attempt     integer     not null,
    repository_id   bigint      not null,
    head_sha        text        not null,
    head_branch     text,
    workflow_id     bigint,
    workflow_name   text,
    run_url         text,
    pull_requests   integer[]   not null default '{}',
    culprit         jsonb,
    config_location text,
    config_problems jsonb       not null default '[]',
    category        text        not null,
    confidence      double precision not null,
    transient       boolean     not null,
    failing_tests   text[]      not null default '{}',
    locations       text[]      not null default '{}',
    jobs            jsonb       not null,
    analysed_at     timestamptz not null default now(),
    analysis_millis integer,
    delivery_id     text,
    primary key (run_id, run_attempt)
);

create index run_analysis_repo_sha_idx on run_analysis (repository_id, head_sha);
create index run_analysis_repo_branch_idx on run_analysis (repository_id, head_branch, analysed_at desc);

-- One "Remediator" check run per workflow run, found again by GitHub's id.
create table check_run_link (
    repository_id bigint not null,
    run_id        bigint not null,
    head_sha      text   not null,
    check_run_id  bigint not null,
    -- annotations append on GitHub, so they are sent once
    annotated     boolean not null default false,
    created_at    timestamptz not null default now(),
    primary key (repository_id, run_id)
);

-- The sticky comment of a pull request, edited in place.
create table sticky_comment (
    repository_id bigint not null,
    pull_number   integer not null,
    comment_id    bigint not null,
    updated_at    timestamptz not null default now(),
    primary key (repository_id, pull_number)
);

create table remediation (
    id                  bigserial primary key,
    repository_id       bigint      not null,
    run_id              bigint      not null,
    run_attempt         integer     not null,
    head_sha            text        not null,
    head_branch         text,
    action              text        not null,
    target              text        not null,
    state               text        not null,
    risk                double precision not null,
    risk_factors        jsonb       not null,
    explanation         text        not null,
    decision_reason     text,
    approval_permission text,
    approval_deadline   timestamptz,
    culprit_author      text,
    branch              text,
    pull_number         integer,
    pull_url            text,
    outcome             text,
    -- the latest word worth showing: a refused approval, an execution error
    note                text,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now(),
    -- one remediation of a kind per run and target: a redelivery or a second analysis finds it again
    constraint remediation_unique unique (repository_id, run_id, action, target),
    constraint remediation_state_check check (state in ('PROPOSED', 'AWAITING_APPROVAL', 'APPROVED', 'EXECUTING',
        'DONE', 'FAILED', 'REJECTED', 'EXPIRED', 'SKIPPED'))
);

create index remediation_awaiting_idx on remediation (approval_deadline) where state = 'AWAITING_APPROVAL';
create index remediation_repo_created_idx on remediation (repository_id, created_at desc);
create index remediation_branch_idx on remediation (repository_id, branch);

-- Every state change, with who, when, why and which delivery caused it.
create table audit_event (
    id             bigserial primary key,
    remediation_id bigint references remediation (id),
    repository_id  bigint      not null,
    from_state     text,
    to_state       text        not null,
    actor          text        not null,
    reason         text        not null,
    delivery_id    text,
    at             timestamptz not null default now()
);

create index audit_event_remediation_idx on audit_event (remediation_id, at);
create index audit_event_repo_at_idx on audit_event (repository_id, at desc);

-- Scheduled jobs run once per tick across replicas: the first replica to insert the tick runs it.
create table job_tick (
    job  text        not null,
    tick timestamptz not null,
    primary key (job, tick)
);
