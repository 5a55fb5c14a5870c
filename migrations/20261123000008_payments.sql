-- M-Pesa: payment attempts for an order, every raw callback, and money sent out by B2C
-- (shop payouts and refunds to shoppers). Statuses mirror app::payments.

-- An unpaid M-Pesa order holds its stock until then; the expiry job releases it.
alter table orders add column reserved_until timestamptz;
create index orders_reserved on orders (reserved_until) where status = 'pending_payment';

create table payments (
    id                  uuid primary key,
    order_id            uuid not null references orders (id),
    status              text not null constraint payments_status_known check (status in ('pending', 'paid', 'failed')),
    -- The order total, and the whole shillings asked for (M-Pesa takes no cents).
    amount              numeric(14, 2) not null,
    requested           numeric(14, 0) not null constraint payments_requested_covers check (requested >= amount),
    phone               text not null,
    merchant_request_id text,
    checkout_request_id text unique,
    receipt             text unique,
    result_code         integer,
    result_desc         text,
    created_at          timestamptz not null default now(),
    resolved_at         timestamptz
);
-- One prompt at a time per order: a second push waits for the first to resolve.
create unique index payments_one_pending on payments (order_id) where status = 'pending';
create index payments_order on payments (order_id, created_at desc);

-- Every callback as received, whatever became of it. Flagged ones wait for an admin.
create table mpesa_callbacks (
    id          uuid primary key,
    kind        text not null constraint mpesa_callbacks_kind check (kind in ('stk', 'b2c_result', 'b2c_timeout')),
    raw         text not null,
    request_id  text,
    outcome     text not null constraint mpesa_callbacks_outcome check (outcome in ('applied', 'duplicate', 'flagged')),
    flag        text,
    received_at timestamptz not null default now()
);
create index mpesa_callbacks_flagged on mpesa_callbacks (received_at desc) where outcome = 'flagged';
create index mpesa_callbacks_request on mpesa_callbacks (request_id);

-- Money sent by B2C. The id is our OriginatorConversationID: a retried send reuses it and
-- Daraja refuses to pay it twice.
create table payouts (
    id              uuid primary key,
    purpose         text not null constraint payouts_purpose check (purpose in ('shop_payout', 'refund')),
    vendor_id       uuid references vendors (id),
    -- A refund is of a shop's part, or of a payment that arrived after its order expired.
    vendor_order_id uuid references vendor_orders (id),
    payment_id      uuid references payments (id),
    amount          numeric(14, 0) not null constraint payouts_amount_positive check (amount > 0),
    currency        text not null,
    phone           text not null,
    status          text not null constraint payouts_status_known check (status in ('requested', 'paid', 'failed')),
    conversation_id text,
    result_code     integer,
    result_desc     text,
    receipt         text,
    created_at      timestamptz not null default now(),
    resolved_at     timestamptz
);
-- A shop has at most one payout in flight: a rerun of the job cannot pay it twice.
create unique index payouts_one_open on payouts (vendor_id) where status = 'requested' and purpose = 'shop_payout';
create unique index payouts_one_refund on payouts (coalesce(vendor_order_id, payment_id)) where purpose = 'refund';
create index payouts_vendor on payouts (vendor_id, created_at desc);

-- When a part was delivered: the holding period before its money is available runs from here.
alter table vendor_orders add column delivered_at timestamptz;
