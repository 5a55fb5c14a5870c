-- Email verification: an account proves it reads its address before it applies to sell, and a
-- shop's payouts wait while its owner has not. Links work once, for 48 hours, and only their
-- SHA-256 is stored; a link confirms the address it was sent to, not whatever the account
-- uses later.
alter table users add column email_verified_at timestamptz;

create table email_verifications (
    token_hash text primary key,
    user_id    uuid not null references users (id) on delete cascade,
    email      text not null,
    created_at timestamptz not null default now(),
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index email_verifications_user on email_verifications (user_id, created_at);
