-- Registrations per client address, for throttling sign-ups (each one costs an argon2 hash).
create table signups (
    ip         text not null,
    created_at timestamptz not null default now()
);
create index signups_ip_at on signups (ip, created_at);
