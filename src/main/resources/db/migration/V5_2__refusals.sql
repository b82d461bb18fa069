-- Every refusal of a decision, per person and time: two refused clicks at once both stay on the record.
create table refusal (
    id             bigserial primary key,
    remediation_id bigint      not null,
    actor          text        not null,
    message        text        not null,
    refused_at     timestamptz not null default now()
);

create index refusal_remediation_idx on refusal (remediation_id, refused_at);
