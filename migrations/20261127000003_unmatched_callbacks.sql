-- A callback can arrive before the answer to our STK push (which carries its request ids) is
-- saved. It is kept as 'unmatched' and applied when the ids are saved; one still unmatched
-- after a grace period is flagged for an admin.
alter table mpesa_callbacks drop constraint mpesa_callbacks_outcome;
alter table mpesa_callbacks add constraint mpesa_callbacks_outcome
    check (outcome in ('applied', 'duplicate', 'flagged', 'unmatched'));
create index mpesa_callbacks_unmatched on mpesa_callbacks (request_id) where outcome = 'unmatched';
