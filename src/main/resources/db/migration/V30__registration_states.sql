-- The registration page's one-time states (/setup hands one to GitHub's manifest flow, /setup/callback redeems it),
-- shared by every replica: GitHub's callback may land on another replica than the one that served the page.
create table registration_state (
    state     text        primary key,
    issued_at timestamptz not null default now()
);
