-- The optional language model. Answers are cached by the failure's signature (a hash of what was asked, of which
-- model): the same failure in another run or repository costs no second call.
create table model_answer (
    signature  text        primary key,
    kind       text        not null,
    model      text        not null,
    answer     text        not null,
    tokens     integer     not null,
    created_at timestamptz not null default now(),
    constraint model_answer_kind_check check (kind in ('EXPLAIN', 'FIX'))
);

-- Tokens spent per installation and day (UTC), reserved before a call and settled after it; exhausted_said: the
-- day's "budget spent" note was shown once already.
create table model_usage (
    installation_id bigint  not null,
    day             date    not null,
    tokens          bigint  not null default 0,
    calls           integer not null default 0,
    exhausted_said  boolean not null default false,
    primary key (installation_id, day)
);

-- What the check run of a run attempt says of the model: its reading (our own JSON of it), or why there is none.
create table model_reading (
    repository_id bigint      not null,
    run_id        bigint      not null,
    run_attempt   integer     not null,
    model         text        not null,
    explanation   text,
    cached        boolean     not null default false,
    note          text,
    created_at    timestamptz not null default now(),
    primary key (repository_id, run_id, run_attempt)
);

-- Model-written fixes that passed every check, by the digest of their diff (a FIX remediation's target).
create table model_fix (
    digest        text        primary key,
    explanation   text        not null,
    diff          text        not null,
    paths         text        not null,
    lines_added   integer     not null,
    lines_removed integer     not null,
    created_at    timestamptz not null default now()
);
