-- A quarantined test's term: its tracking issue and owner, when the quarantine expires, and the trial (a pull request
-- taking the test out of the quarantine file) that ends it. One row per quarantine remediation, written when it
-- executes; the lifecycle events (QUARANTINE_TRIAL_STARTED, ...) are in that remediation's audit trail.
create table quarantined_test (
    remediation_id    bigint      primary key references remediation (id) on delete cascade,
    repository_id     bigint      not null,
    test              text        not null,
    file              text        not null,
    owner_login       text,
    owner_found_by    text        not null,
    issue_number      integer     not null,
    issue_url         text        not null,
    state             text        not null default 'PROPOSED',
    expires_at        timestamptz,
    extensions        integer     not null default 0,
    trials            integer     not null default 0,
    trial_branch      text,
    trial_pull_number integer,
    -- the trial's CI, judged like a fix's validation
    trial_state       text,
    trial_head_sha    text,
    trial_checks      jsonb       not null default '[]',
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    constraint quarantined_test_state_check check (state in ('PROPOSED', 'QUARANTINED', 'ON_TRIAL', 'RELEASED',
        'OVERDUE', 'DROPPED')),
    constraint quarantined_test_trial_check check (trial_state in ('PENDING', 'PASSED', 'FAILED'))
);

-- a test is quarantined once at a time: a second quarantine of it is never proposed, nor executed
create unique index quarantined_test_active_idx on quarantined_test (repository_id, test)
    where state in ('PROPOSED', 'QUARANTINED', 'ON_TRIAL', 'OVERDUE');
create index quarantined_test_expiry_idx on quarantined_test (expires_at) where state = 'QUARANTINED';
create index quarantined_test_trial_idx on quarantined_test (repository_id, trial_branch) where state = 'ON_TRIAL';
