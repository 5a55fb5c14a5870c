-- Buyer protection deadlines, edited by admins with the other platform settings: a paid part
-- the shop has not accepted within `accept_hours` is cancelled and refunded by the jobs; one
-- accepted but not shipped within `ship_days` the shopper may cancel for a refund.
alter table platform_settings
    add column accept_hours integer not null default 24 check (accept_hours between 1 and 168),
    add column ship_days integer not null default 3 check (ship_days between 1 and 30);

-- Parts waiting for the shop, oldest first, for the jobs' deadline sweep.
create index vendor_orders_awaiting on vendor_orders (created_at) where status = 'awaiting_acceptance';
