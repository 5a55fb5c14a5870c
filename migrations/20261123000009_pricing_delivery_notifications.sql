-- The pricing pipeline's inputs (shop delivery options, shop coupons, commission rules), what
-- it froze on each part, saved addresses, returns, and the notifications outbox.

-- Delivery per shop: pickup at the shop, and/or the shop's own delivery at a flat fee, with
-- per-county fees overriding it.
alter table vendors add column offers_pickup boolean not null default true;
alter table vendors add column delivery_fee numeric(14, 2) constraint vendors_delivery_fee_nonnegative check (delivery_fee >= 0);
create table delivery_zones (
    vendor_id uuid not null references vendors (id) on delete cascade,
    county    text not null,
    fee       numeric(14, 2) not null constraint delivery_zones_fee_nonnegative check (fee >= 0),
    primary key (vendor_id, county)
);

-- A shop's discount codes: they apply to that shop's lines only.
create table coupons (
    id           uuid primary key,
    vendor_id    uuid not null references vendors (id) on delete cascade,
    code         text not null constraint coupons_code_format check (code ~ '^[A-Z0-9-]{3,20}$'),
    percent_off  numeric(5, 2) constraint coupons_percent_range check (percent_off > 0 and percent_off <= 90),
    amount_off   numeric(14, 2) constraint coupons_amount_positive check (amount_off > 0),
    min_subtotal numeric(14, 2) not null default 0,
    max_uses     integer constraint coupons_max_uses_positive check (max_uses > 0),
    uses         integer not null default 0,
    active       boolean not null default true,
    created_at   timestamptz not null default now(),
    constraint coupons_one_kind check ((percent_off is null) <> (amount_off is null)),
    constraint coupons_within_limit check (max_uses is null or uses <= max_uses)
);
create unique index coupons_code on coupons (code);

-- Commission: the most specific rule wins (shop + category, shop, category), else the tier.
create table commission_rules (
    id          uuid primary key,
    vendor_id   uuid references vendors (id) on delete cascade,
    category_id uuid references categories (id) on delete cascade,
    rate        numeric(5, 4) not null constraint commission_rules_rate_range check (rate >= 0 and rate < 1),
    created_at  timestamptz not null default now(),
    constraint commission_rules_scoped check (vendor_id is not null or category_id is not null)
);
create unique index commission_rules_scope on commission_rules (
    coalesce(vendor_id, '00000000-0000-0000-0000-000000000000'::uuid),
    coalesce(category_id, '00000000-0000-0000-0000-000000000000'::uuid));

-- What pricing froze on each part and item.
alter table vendor_orders add column delivery_method text not null default 'delivery'
    constraint vendor_orders_delivery_method check (delivery_method in ('pickup', 'delivery'));
alter table vendor_orders add column delivery_fee numeric(14, 2) not null default 0;
alter table vendor_orders add column discount numeric(14, 2) not null default 0;
alter table vendor_orders add column coupon_code text;
-- What the shopper pays for the part: subtotal − discount + delivery.
alter table vendor_orders add column total numeric(14, 2);
update vendor_orders set total = subtotal;
alter table vendor_orders alter column total set not null;
alter table order_items add column discount numeric(14, 2) not null default 0;
alter table orders add column discount_total numeric(14, 2) not null default 0;

-- Addresses a shopper saved at checkout.
create table addresses (
    id         uuid primary key,
    user_id    uuid not null references users (id) on delete cascade,
    county     text not null,
    town       text not null,
    street     text not null,
    phone      text not null,
    created_at timestamptz not null default now()
);
create unique index addresses_once on addresses (user_id, county, town, street, phone);

-- Why a return was asked for.
alter table vendor_orders add column return_reason text;

-- Notifications: written in the transaction that caused them, sent by the mail job.
create table notifications (
    id         uuid primary key,
    to_email   text not null,
    subject    text not null,
    body       text not null,
    created_at timestamptz not null default now(),
    sent_at    timestamptz,
    attempts   integer not null default 0
);
create index notifications_unsent on notifications (created_at) where sent_at is null;

-- Whether the shop takes cash on delivery (a basket with a shop that does not must be paid by
-- M-Pesa).
alter table vendors add column accepts_cod boolean not null default true;

-- Refunds of single items: when, and how much of the part has been given back so far (what
-- the shopper paid for those items, and the commission on them), so a later full refund or
-- the release of the rest to the shop counts only what is left.
alter table order_items add column refunded_at timestamptz;
alter table vendor_orders add column refunded_total numeric(14, 2) not null default 0;
alter table vendor_orders add column refunded_commission numeric(14, 2) not null default 0;
alter table payouts add column order_item_id uuid references order_items (id);
drop index payouts_one_refund;
create unique index payouts_one_refund on payouts (coalesce(order_item_id, vendor_order_id, payment_id)) where purpose = 'refund';
-- Statements find a part's postings (and its items') by reference.
create index ledger_transactions_reference on ledger_transactions (reference);
