-- The sessions a person is logged in with, for "your sessions" on the account page: one row
-- per login (the session keeps its `device` id), with where it came from and when it was last
-- used (written at most every five minutes). A row whose epoch is behind the account's belongs
-- to a session that already ended (password change, suspension, "log out other sessions").
create table user_sessions (
    device_id  uuid primary key,
    user_id    uuid not null references users (id) on delete cascade,
    epoch      integer not null,
    ip         text not null,
    user_agent text not null,
    created_at timestamptz not null default now(),
    last_seen  timestamptz not null default now()
);
create index user_sessions_user on user_sessions (user_id, last_seen desc);
