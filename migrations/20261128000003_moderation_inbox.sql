-- One moderation inbox (shop applications, listing submissions and edits, flagged M-Pesa
-- callbacks).
--
-- Claims: an admin takes an item to work on it, so two admins do not decide the same one. A
-- claim lapses after 30 minutes (checked where it is read), so an abandoned one frees itself.
create table moderation_claims (
    kind       text not null constraint moderation_claims_kind check (kind in ('shop', 'listing', 'callback')),
    item_id    uuid not null,
    admin_id   uuid not null references users (id) on delete cascade,
    claimed_at timestamptz not null default now(),
    primary key (kind, item_id)
);

-- What a moderator approved last (the words and the category: what a material edit changes),
-- so an edit is reviewed as a diff. Listings approved before this migration start from what
-- they are now.
alter table listings add column approved_version jsonb;
update listings l
set approved_version = jsonb_build_object(
        'title', l.title, 'description', l.description, 'tags', to_jsonb(l.tags),
        'category', (select c.name_en from categories c where c.id = l.category_id))
where l.status = 'approved';

-- A flagged callback leaves the inbox when an admin records what they found.
alter table mpesa_callbacks
    add column resolved_at timestamptz,
    add column resolved_by uuid references users (id),
    add column resolution  text;
create index mpesa_callbacks_open_flags on mpesa_callbacks (received_at)
    where outcome = 'flagged' and resolved_at is null;
