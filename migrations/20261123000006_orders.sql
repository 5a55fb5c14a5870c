-- Orders: one per checkout (the shopper's view), split into one vendor order per shop (the
-- unit of fulfilment, commission and payout), with items whose price, commission and vendor
-- net are frozen at purchase. Statuses mirror the Rust enums in app::domain::order.

create table orders (
    id              uuid primary key,
    user_id         uuid not null references users (id),
    -- The browser's key for this checkout: a retried or doubled request finds the same order.
    checkout_key    uuid not null,
    -- What was bought, so a reused key with a different cart is told apart from a retry.
    cart_fingerprint text not null,
    status          text not null constraint orders_status_known
                    check (status in ('pending_payment', 'paid', 'completed', 'cancelled', 'refunded')),
    payment_method  text not null constraint orders_payment_known check (payment_method in ('cod', 'mpesa')),
    currency        text not null,
    subtotal        numeric(14, 2) not null constraint orders_subtotal_positive check (subtotal >= 0),
    delivery_total  numeric(14, 2) not null default 0,
    total           numeric(14, 2) not null,
    -- Prices include VAT; this is the VAT inside the total, shown on the receipt.
    vat_included    numeric(14, 2) not null,
    county          text not null,
    town            text not null,
    street          text not null,
    phone           text not null,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create unique index orders_checkout_key on orders (user_id, checkout_key);
create index orders_user on orders (user_id, created_at desc);
create trigger orders_updated_at before update on orders for each row execute function set_updated_at();

create table vendor_orders (
    id          uuid primary key,
    order_id    uuid not null references orders (id) on delete cascade,
    vendor_id   uuid not null references vendors (id),
    status      text not null constraint vendor_orders_status_known check (status in (
                    'pending_payment', 'awaiting_acceptance', 'accepted', 'shipped', 'delivered', 'completed',
                    'cancelled', 'rejected', 'return_requested', 'refunded')),
    subtotal    numeric(14, 2) not null,
    commission  numeric(14, 2) not null,
    vendor_net  numeric(14, 2) not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create index vendor_orders_order on vendor_orders (order_id);
create index vendor_orders_vendor on vendor_orders (vendor_id, created_at desc);
create trigger vendor_orders_updated_at before update on vendor_orders for each row execute function set_updated_at();

create table order_items (
    id               uuid primary key,
    vendor_order_id  uuid not null references vendor_orders (id) on delete cascade,
    variant_id       uuid not null references listing_variants (id),
    title            text not null,
    sku              text not null,
    options          text not null,
    quantity         integer not null constraint order_items_quantity_positive check (quantity > 0),
    unit_price       numeric(14, 2) not null,
    line_total       numeric(14, 2) not null,
    commission_rate  numeric(5, 4) not null,
    commission       numeric(14, 2) not null,
    vendor_net       numeric(14, 2) not null
);
create index order_items_vendor_order on order_items (vendor_order_id);

-- Each vendor order's status history, for the shopper's and the shop's timelines.
create table vendor_order_events (
    vendor_order_id uuid not null references vendor_orders (id) on delete cascade,
    status          text not null,
    note            text,
    at              timestamptz not null default clock_timestamp(),
    primary key (vendor_order_id, at, status)
);
