-- PIN prompts are limited per order and per phone per hour (counted from payments), and
-- "check again" queries per attempt (the time of the last one is kept).
alter table payments add column queried_at timestamptz;
create index payments_phone_recent on payments (phone, created_at desc);
