-- The lifecycle's domain events are the rows of the audit trail: each names the event that caused it, and is
-- written in the transaction of the change it records (a transactional outbox).
alter table audit_event add column event text;
alter table audit_event add column published_at timestamptz;
-- Events written before the outbox existed have had their effects already.
update audit_event set published_at = at;
create index audit_event_unpublished_idx on audit_event (id) where published_at is null;

-- Each consumer's work on each event, claimed with a lease, retried and recovered like a delivery.
create table event_consumption (
    id              bigserial primary key,
    event_id        bigint      not null references audit_event (id),
    consumer        text        not null,
    status          text        not null default 'RECEIVED',
    status_reason   text,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    lease_owner     text,
    lease_until     timestamptz,
    finished_at     timestamptz,
    constraint event_consumption_once unique (event_id, consumer),
    constraint event_consumption_status_check check (status in ('RECEIVED', 'PROCESSING', 'RETRY', 'DONE', 'FAILED'))
);

create index event_consumption_unfinished_idx on event_consumption (next_attempt_at)
    where status in ('RECEIVED', 'PROCESSING', 'RETRY');
