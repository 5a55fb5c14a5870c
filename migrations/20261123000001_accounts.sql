-- Accounts: users and the failed-login log that throttling reads.

create function set_updated_at() returns trigger language plpgsql as $$
begin
    new.updated_at := now();
    return new;
end;
$$;

create table users (
    id            uuid primary key,
    email         text not null,
    name          text not null constraint users_name_length check (char_length(name) between 1 and 100),
    phone         text constraint users_phone_e164 check (phone ~ '^\+[1-9][0-9]{7,14}$'),
    password_hash text not null,
    role          text not null default 'customer'
                  constraint users_role_known check (role in ('customer', 'vendor_staff', 'admin')),
    status        text not null default 'active'
                  constraint users_status_known check (status in ('active', 'suspended')),
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint users_email_lowercase check (email = lower(email) and char_length(email) <= 254)
);
-- Named so a duplicate registration maps to the `email` field by constraint name.
create unique index users_email_key on users (email);
create trigger users_updated_at before update on users for each row execute function set_updated_at();

-- One row per failed login. Counting rows of the last hour per email and per address
-- gives the throttle; a background job prunes rows older than a day.
create table login_failures (
    id         bigint generated always as identity primary key,
    email      text not null,
    ip         text not null,
    failed_at  timestamptz not null default now()
);
create index login_failures_email_at on login_failures (email, failed_at);
create index login_failures_ip_at on login_failures (ip, failed_at);
