-- The admin's order desk lists the newest orders first.
create index orders_created on orders (created_at desc);
