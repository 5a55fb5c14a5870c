-- Notifications people choose: each account picks its channels (email, SMS, in the app); the
-- app's own list is the outbox's `app` channel (delivered when written, read when seen). A
-- failed send waits longer each time (backoff) and, after ten tries, is a dead letter the
-- admins see and can send again.
alter table users
    add column notify_email boolean not null default true,
    add column notify_sms boolean not null default false,
    add column notify_app boolean not null default true;

alter table notifications drop constraint notifications_channel_check;
alter table notifications add constraint notifications_channel_check check (channel in ('email', 'sms', 'app'));
alter table notifications
    add column user_id uuid references users (id) on delete cascade,
    add column read_at timestamptz,
    add column next_attempt_at timestamptz,
    add column last_error text;
create index notifications_app on notifications (user_id, created_at desc) where channel = 'app';
create index notifications_dead on notifications (created_at desc) where sent_at is null and attempts >= 10;

-- Saved items: a heart on a listing, or "save for later" from the cart. Alerts when the price
-- drops below the one last told (or seen when saved), or when it is back in stock; at most
-- one alert per item per day.
create table wishlist (
    user_id       uuid not null references users (id) on delete cascade,
    listing_id    uuid not null references listings (id) on delete cascade,
    created_at    timestamptz not null default now(),
    seen_price    numeric(14, 2) not null,
    seen_in_stock boolean not null,
    alerted_at    timestamptz,
    primary key (user_id, listing_id)
);
create index wishlist_listing on wishlist (listing_id);
