-- The platform's money and order rules, edited by admins in the console and taking effect on
-- the next request. One row; it is created on first use from Leptos.toml's [checkout] and
-- [payouts] sections, which are only first-run defaults after that. The bounds mirror
-- `domain::platform` so no write can store a rule the code would refuse.
create table platform_settings (
    id                  boolean primary key default true constraint platform_settings_one_row check (id),
    vat_rate            numeric(5, 4) not null constraint platform_settings_vat check (vat_rate >= 0 and vat_rate <= 0.5),
    reservation_minutes integer not null constraint platform_settings_reservation check (reservation_minutes between 2 and 120),
    return_days         integer not null constraint platform_settings_returns check (return_days between 0 and 60),
    holding_days        integer not null constraint platform_settings_holding check (holding_days between 0 and 90),
    payout_minimum      numeric(14, 2) not null constraint platform_settings_payout check (payout_minimum >= 10),
    -- Safe mode: browsing works, checkout says why it is closed.
    orders_paused       boolean not null default false,
    pause_message       text not null default '',
    updated_at          timestamptz not null default now()
);
