-- Every ledger transaction writes an audit row in its own database transaction, whoever posts
-- it: a deferred trigger runs at commit, when the entries are all there, and records the kind,
-- the reference, the amount moved and the memo. The actor is whoever the application named
-- for this transaction (`db::audit::act_as`: the admin, shop member or shopper acting); a
-- posting nobody named (jobs, M-Pesa callbacks) is the platform's own, role `system`.
create function audit_ledger_transaction() returns trigger language plpgsql as $$
declare
    moved    numeric;
    currency text;
begin
    select coalesce(sum(e.amount) filter (where e.amount > 0), 0), min(e.currency)
    into moved, currency
    from ledger_entries e where e.transaction_id = new.id;
    insert into audit_log (actor_id, actor_role, action, object_kind, object_id, summary, ip)
    values (nullif(current_setting('sokoni.actor_id', true), '')::uuid,
            coalesce(nullif(current_setting('sokoni.actor_role', true), ''), 'system'),
            'ledger.posted', 'ledger_transaction', new.id::text,
            concat_ws(' ', new.kind, new.reference::text, currency, moved::text,
                      nullif('(' || new.memo || ')', '()')),
            coalesce(current_setting('sokoni.actor_ip', true), ''));
    return null;
end;
$$;
create constraint trigger ledger_transactions_audited after insert on ledger_transactions
    deferrable initially deferred for each row execute function audit_ledger_transaction();
