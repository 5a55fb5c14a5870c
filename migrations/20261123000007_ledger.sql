-- Double-entry ledger. Every money movement is one transaction whose entries sum to zero per
-- currency (checked by a deferred trigger at commit); balances are sums of entries, never
-- stored. A transaction's (kind, reference) is unique, so a retried posting cannot post twice.

create table ledger_accounts (
    id         uuid primary key,
    -- 'platform_commission', 'vendor_payable', 'vendor_receivable', 'customer_clearing', …
    kind       text not null,
    vendor_id  uuid references vendors (id),
    currency   text not null,
    created_at timestamptz not null default now()
);
create unique index ledger_accounts_key on ledger_accounts (kind, coalesce(vendor_id, '00000000-0000-0000-0000-000000000000'::uuid), currency);

create table ledger_transactions (
    id         uuid primary key,
    kind       text not null,
    reference  uuid not null,
    memo       text not null default '',
    created_at timestamptz not null default now()
);
create unique index ledger_transactions_once on ledger_transactions (kind, reference);

create table ledger_entries (
    transaction_id uuid not null references ledger_transactions (id),
    account_id     uuid not null references ledger_accounts (id),
    -- Debits positive, credits negative.
    amount         numeric(14, 2) not null constraint ledger_entries_nonzero check (amount <> 0),
    currency       text not null,
    primary key (transaction_id, account_id)
);
create index ledger_entries_account on ledger_entries (account_id);

create function ledger_check_balanced() returns trigger language plpgsql as $$
begin
    if exists (
        select 1 from ledger_entries where transaction_id = new.transaction_id
        group by currency having sum(amount) <> 0
    ) then
        raise exception 'ledger transaction % does not balance', new.transaction_id
            using errcode = 'check_violation', constraint = 'ledger_balanced';
    end if;
    return null;
end;
$$;
create constraint trigger ledger_entries_balanced after insert or update on ledger_entries
    deferrable initially deferred for each row execute function ledger_check_balanced();
