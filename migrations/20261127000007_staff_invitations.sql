-- A shop's owner invites someone by email; they join only when they accept it from their
-- account page (joining a shop blocks opening one of your own, so it needs consent). The
-- answer is the same whether or not the email has an account, so nobody can probe for them.
create table staff_invitations (
    id         uuid primary key,
    vendor_id  uuid not null references vendors (id) on delete cascade,
    email      text not null,
    role       text not null constraint staff_invitations_role check (role in ('inventory', 'orders', 'accounting')),
    created_at timestamptz not null default now(),
    constraint staff_invitations_once unique (vendor_id, email)
);
create index staff_invitations_email on staff_invitations (email);
