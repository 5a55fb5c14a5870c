-- Reviews by buyers: one per delivered item, 1 to 5 stars, words, up to three photos; the shop
-- replies once; anyone logged in may vote a review helpful (once) or report it (once), and a
-- reported review waits in the admins' inbox, who hide it with a reason or keep it. Ratings are
-- recomputed from the reviews not hidden: a listing's, and its shop's (copied onto its listings
-- for the search facet). 0 means "no reviews yet": stars start at 1, so an average never is 0.
create table reviews (
    id             uuid primary key,
    order_item_id  uuid not null references order_items (id),
    listing_id     uuid not null references listings (id) on delete cascade,
    vendor_id      uuid not null references vendors (id),
    author_id      uuid not null references users (id),
    stars          smallint not null constraint reviews_stars check (stars between 1 and 5),
    body           text not null,
    helpful        integer not null default 0,
    reply          text,
    replied_at     timestamptz,
    hidden_at      timestamptz,
    hidden_reason  text,
    hidden_by      uuid references users (id),
    reports_cleared_at timestamptz,
    created_at     timestamptz not null default now(),
    constraint reviews_hidden_has_reason check ((hidden_at is null) = (hidden_reason is null))
);
-- One review per bought item.
create unique index reviews_one_per_item on reviews (order_item_id);
create index reviews_listing on reviews (listing_id, created_at desc) where hidden_at is null;
create index reviews_vendor on reviews (vendor_id, created_at desc) where hidden_at is null;

create table review_photos (
    review_id uuid not null references reviews (id) on delete cascade,
    position  smallint not null check (position between 0 and 2),
    media_key text not null references media (key),
    primary key (review_id, position)
);

create table review_votes (
    review_id uuid not null references reviews (id) on delete cascade,
    user_id   uuid not null references users (id) on delete cascade,
    primary key (review_id, user_id)
);

create table review_reports (
    review_id  uuid not null references reviews (id) on delete cascade,
    user_id    uuid not null references users (id) on delete cascade,
    reason     text not null,
    created_at timestamptz not null default now(),
    primary key (review_id, user_id)
);

alter table listings
    add column rating numeric(3, 2) not null default 0 constraint listings_rating_range check (rating between 0 and 5),
    add column review_count integer not null default 0;
alter table vendors add column review_count integer not null default 0;
-- The demo's made-up shop ratings go: ratings now come from reviews only.
update vendors set rating = 0 where rating <> 0;
update listings set vendor_rating = 0 where vendor_rating <> 0;
create index listings_rating on listings (rating desc, id desc) where status = 'approved';

alter table moderation_claims drop constraint moderation_claims_kind;
alter table moderation_claims add constraint moderation_claims_kind check (kind in ('shop', 'listing', 'callback', 'dispute', 'review'));
