-- Text messages share the notifications outbox with mail: a row is an email or an SMS, written
-- in the transaction that caused it and delivered by its channel's sender.
alter table notifications rename column to_email to recipient;
alter table notifications add column channel text not null default 'email'
    check (channel in ('email', 'sms'));
alter table notifications alter column subject set default '';
drop index notifications_unsent;
create index notifications_unsent on notifications (channel, created_at) where sent_at is null;

-- A verified shop's payout phone changes only with a one-time code sent to the new phone.
-- The code is kept as a SHA-256 of the shop and the code (six digits, five tries, ten
-- minutes). Every code sent is a row, so sends per hour are counted from here.
create table payout_phone_codes (
    id         uuid primary key,
    vendor_id  uuid not null references vendors (id) on delete cascade,
    new_phone  text not null,
    code_hash  text not null,
    attempts   integer not null default 0,
    created_at timestamptz not null default now(),
    used_at    timestamptz
);
create index payout_phone_codes_by_shop on payout_phone_codes (vendor_id, created_at desc);

-- After a payout phone change no payout is queued until this time (24 hours), so an owner
-- whose account was taken over has a day to notice and stop it.
alter table vendors add column payouts_held_until timestamptz;
