-- Platform analytics read daily rollups instead of the order tables: a period's report sums
-- at most a few thousand rollup rows, whatever the number of orders (the console's goal is
-- under 200 ms at 1M orders; reading the order tables took 2 s for 30 days).
--
-- A day is a UTC day. Writes to the tables the report reads mark the days they touch as stale
-- (statement-level triggers, so a bulk insert marks each day once); `db::analytics_rollup::
-- refresh` rebuilds the stale days' rows, from the jobs every round and from the report itself
-- before it reads, so figures are never older than the last write.

create table analytics_stale (day date primary key);

-- Sold parts (confirmed, not dropped; refunds netted) by the day the part was created.
create table analytics_days (
    day date primary key,
    gmv numeric(14, 2) not null,
    commission numeric(14, 2) not null,
    -- Distinct orders of the day: an order is created on one day, so days add up.
    orders integer not null
);

create table analytics_shop_days (
    day date not null,
    vendor_id uuid not null,
    gmv numeric(14, 2) not null,
    commission numeric(14, 2) not null,
    parts integer not null,
    primary key (day, vendor_id)
);

-- Shoppers with a sold part that day, each with the day they were last active before it. A
-- period's active shoppers are its rows whose previous day falls before the period (or who
-- had none): one count over an index, where counting distinct users took 70 ms at 90 days.
create table analytics_shopper_days (
    day date not null,
    user_id uuid not null,
    previous_day date,
    primary key (day, user_id)
);
create index analytics_shopper_days_first on analytics_shopper_days (day) include (previous_day);
create index analytics_shopper_days_user on analytics_shopper_days (user_id, day);

-- Sold items (not refunded) by top-level category: the category is resolved when the day is
-- rebuilt, so its name follows renames and its place follows the tree of that time.
create table analytics_category_days (
    day date not null,
    category_id uuid not null,
    amount numeric(14, 2) not null,
    orders integer not null,
    primary key (day, category_id)
);

-- Hours from "waiting for the shop" to each later step, for parts created that day, as a
-- histogram in quarter hours: percentiles are read from it to the quarter hour.
create table analytics_step_days (
    day date not null,
    step text not null check (step in ('accepted', 'shipped', 'delivered')),
    quarter_hours integer not null,
    parts integer not null,
    primary key (day, step, quarter_hours)
);

-- M-Pesa prompts by the day they were sent, status and result.
create table analytics_mpesa_days (
    day date not null,
    status text not null,
    result_code integer,
    result_desc text,
    prompts integer not null,
    amount numeric(14, 2) not null
);
create index analytics_mpesa_days_day on analytics_mpesa_days (day);

-- Parts cancelled or rejected, by the day it happened and the reason given.
create table analytics_drop_days (
    day date not null,
    status text not null,
    note text,
    parts integer not null,
    amount numeric(14, 2) not null
);
create index analytics_drop_days_day on analytics_drop_days (day);

create function analytics_utc_day(t timestamptz) returns date
    language sql immutable parallel safe
    return (t at time zone 'UTC')::date;

-- Parts: their creation day (sales, shops, shoppers, categories, step times).
create function analytics_stale_parts() returns trigger language plpgsql as $$
begin
    if tg_op in ('INSERT', 'UPDATE') then
        insert into analytics_stale (day)
        select distinct analytics_utc_day(created_at) from new_rows on conflict do nothing;
    end if;
    if tg_op in ('UPDATE', 'DELETE') then
        insert into analytics_stale (day)
        select distinct analytics_utc_day(created_at) from old_rows on conflict do nothing;
    end if;
    return null;
end $$;

create trigger analytics_stale_parts_insert after insert on vendor_orders
    referencing new table as new_rows for each statement execute function analytics_stale_parts();
create trigger analytics_stale_parts_update after update on vendor_orders
    referencing old table as old_rows new table as new_rows
    for each statement execute function analytics_stale_parts();
create trigger analytics_stale_parts_delete after delete on vendor_orders
    referencing old table as old_rows for each statement execute function analytics_stale_parts();

-- Items (refunds, categories): their part's creation day.
create function analytics_stale_items() returns trigger language plpgsql as $$
begin
    insert into analytics_stale (day)
    select distinct analytics_utc_day(vo.created_at)
    from new_rows i join vendor_orders vo on vo.id = i.vendor_order_id
    on conflict do nothing;
    return null;
end $$;

create trigger analytics_stale_items_update after update on order_items
    referencing new table as new_rows for each statement execute function analytics_stale_items();

-- Part events: their own day (drops) and their part's creation day (step times).
create function analytics_stale_events() returns trigger language plpgsql as $$
begin
    insert into analytics_stale (day)
    select analytics_utc_day(e.at) from new_rows e
    union
    select analytics_utc_day(vo.created_at)
    from new_rows e join vendor_orders vo on vo.id = e.vendor_order_id
    on conflict do nothing;
    return null;
end $$;

create trigger analytics_stale_events_insert after insert on vendor_order_events
    referencing new table as new_rows for each statement execute function analytics_stale_events();

-- M-Pesa prompts: the day they were sent.
create function analytics_stale_payments() returns trigger language plpgsql as $$
begin
    insert into analytics_stale (day)
    select distinct analytics_utc_day(created_at) from new_rows on conflict do nothing;
    return null;
end $$;

create trigger analytics_stale_payments_insert after insert on payments
    referencing new table as new_rows for each statement execute function analytics_stale_payments();
create trigger analytics_stale_payments_update after update on payments
    referencing new table as new_rows for each statement execute function analytics_stale_payments();

-- An install with history builds its rollups on the first refresh.
insert into analytics_stale (day)
select analytics_utc_day(created_at) from vendor_orders
union select analytics_utc_day(created_at) from payments
union select analytics_utc_day(at) from vendor_order_events
on conflict do nothing;
