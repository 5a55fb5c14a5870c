-- Platform analytics read one period at a time: each of its tables by its time column.
create index vendor_orders_created on vendor_orders (created_at);
create index payments_created on payments (created_at);
create index vendor_order_events_at on vendor_order_events (at) where status in ('cancelled', 'rejected');
create index users_created on users (created_at);
