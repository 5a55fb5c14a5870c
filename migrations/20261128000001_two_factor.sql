-- Two-step login (TOTP, RFC 6238). The secret must be read to check a code, so it is kept as
-- is, like the session store; it never leaves the server after enrolment. While
-- `totp_enabled_at` is null a secret is only an enrolment in progress. `totp_last_step` is
-- the 30-second step of the last code accepted: a code of that step or an earlier one is
-- refused, so a code seen over a shoulder or in a log cannot be used a second time.
alter table users
    add column totp_secret     bytea,
    add column totp_enabled_at timestamptz,
    add column totp_last_step  bigint not null default 0;

-- Ten one-time recovery codes per enrolment, stored as their SHA-256 only.
create table recovery_codes (
    user_id   uuid not null references users (id) on delete cascade,
    code_hash text not null,
    used_at   timestamptz,
    primary key (user_id, code_hash)
);
