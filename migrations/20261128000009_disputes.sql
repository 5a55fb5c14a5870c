-- Buyer protection disputes. A shopper disputes a shipped or delivered M-Pesa part before its
-- money is released; the shop answers within `answer_hours` (or the jobs escalate it); the
-- shopper accepts the answer or escalates; an admin decides (full refund, partial refund of an
-- amount, or refused). While a dispute is open the part's money is not released to the shop.
-- Reasons, statuses and outcomes mirror app::domain::dispute.
create table disputes (
    id              uuid primary key,
    vendor_order_id uuid not null references vendor_orders (id) on delete cascade,
    opened_by       uuid not null references users (id),
    reason          text not null constraint disputes_reason check (reason in ('not_received', 'not_as_described', 'damaged', 'return_refused')),
    status          text not null constraint disputes_status check (status in ('awaiting_shop', 'answered', 'escalated', 'resolved')),
    body            text not null,
    answer_due      timestamptz not null,
    shop_answer     text,
    answered_at     timestamptz,
    escalated_at    timestamptz,
    outcome         text constraint disputes_outcome check (outcome in ('shop_refunded', 'answer_accepted', 'full_refund', 'partial_refund', 'refused')),
    refund_amount   numeric(14, 2) constraint disputes_refund_positive check (refund_amount > 0),
    decision_note   text,
    decided_by      uuid references users (id),
    resolved_at     timestamptz,
    created_at      timestamptz not null default now(),
    constraint disputes_resolved_has_outcome check ((status = 'resolved') = (outcome is not null))
);
-- One dispute per part: its whole story is on that one row.
create unique index disputes_one_per_part on disputes (vendor_order_id);
-- The jobs' sweep of disputes the shop left unanswered.
create index disputes_awaiting on disputes (answer_due) where status = 'awaiting_shop';
create index disputes_escalated on disputes (escalated_at) where status = 'escalated';

-- The shopper's photos (up to three, as for reviews), in upload order.
create table dispute_photos (
    dispute_id uuid not null references disputes (id) on delete cascade,
    position   smallint not null check (position between 0 and 2),
    media_key  text not null references media (key),
    primary key (dispute_id, position)
);

-- A partial refund decided on a dispute is a refund row of its own.
alter table payouts add column dispute_id uuid references disputes (id);
drop index payouts_one_refund;
create unique index payouts_one_refund on payouts (coalesce(order_item_id, vendor_order_id, payment_id, dispute_id)) where purpose = 'refund';

-- Escalated disputes wait in the moderation inbox like applications and listings.
alter table moderation_claims drop constraint moderation_claims_kind;
alter table moderation_claims add constraint moderation_claims_kind check (kind in ('shop', 'listing', 'callback', 'dispute'));

-- Hours a shop has to answer a dispute before it goes to the admins.
alter table platform_settings
    add column answer_hours integer not null default 48 check (answer_hours between 1 and 336);
