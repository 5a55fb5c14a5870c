-- Password reset links: single use, 30 minutes, only the SHA-256 of the token is stored (a
-- copy of the table lets nobody in). Every request is counted, by address typed and by client
-- address, whether or not an account uses it, so throttling says nothing about who has one.
create table password_resets (
    token_hash text primary key,
    user_id    uuid not null references users (id) on delete cascade,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index password_resets_user on password_resets (user_id) where used_at is null;

create table password_reset_requests (
    id    bigint generated always as identity primary key,
    email text not null,
    ip    text not null,
    at    timestamptz not null default now()
);
create index password_reset_requests_email on password_reset_requests (email, at);
create index password_reset_requests_ip on password_reset_requests (ip, at);
