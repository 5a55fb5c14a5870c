-- Catalog: listings with their variants, and the search index over approved listings.

create extension if not exists pg_trgm;
create extension if not exists cube;
create extension if not exists earthdistance;

create table listings (
    id                  uuid primary key,
    vendor_id           uuid not null references vendors (id),
    category_id         uuid not null references categories (id),
    title               text not null constraint listings_title_length check (char_length(title) between 3 and 140),
    slug                text not null constraint listings_slug_format check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description         text not null default '' constraint listings_description_length check (char_length(description) <= 5000),
    tags                text[] not null default '{}',
    price               numeric(14, 2) not null constraint listings_price_positive check (price >= 0),
    compare_at_price    numeric(14, 2) constraint listings_compare_at_positive check (compare_at_price >= 0),
    currency            text not null default 'KES' constraint listings_currency_known check (currency in ('KES', 'UGX', 'TZS', 'RWF', 'USD')),
    status              text not null default 'draft'
                        constraint listings_status_known check (status in ('draft', 'pending', 'approved', 'rejected', 'archived')),
    rejection_reason    text,
    county              text not null,
    town                text not null,
    lat                 double precision not null constraint listings_lat_range check (lat between -90 and 90),
    lng                 double precision not null constraint listings_lng_range check (lng between -180 and 180),
    low_stock_threshold integer not null default 5 constraint listings_threshold_positive check (low_stock_threshold >= 0),
    -- Sum of the variants' stock, kept by trigger so "in stock" filters need no join.
    stock               integer not null default 0 constraint listings_stock_nonnegative check (stock >= 0),
    view_count          bigint not null default 0,
    -- Ranking signal for "popular" sorts and relevance ties (views and sales fold into it).
    popularity          numeric(12, 4) not null default 0,
    -- The vendor's rating, copied here so the rating facet needs no join.
    vendor_rating       numeric(3, 2) not null default 0,
    search              tsvector not null default ''::tsvector,
    created_at          timestamptz not null default now(),
    updated_at          timestamptz not null default now()
);
create unique index listings_slug_key on listings (slug);
create index listings_vendor on listings (vendor_id, status);
create index listings_search on listings using gin (search) where status = 'approved';
create index listings_popular on listings (popularity desc, id) where status = 'approved';
create index listings_newest on listings (created_at desc, id) where status = 'approved';
create index listings_price on listings (price, id) where status = 'approved';
create index listings_category on listings (category_id, popularity desc) where status = 'approved';
create index listings_geo on listings using gist (ll_to_earth(lat, lng)) where status = 'approved';
create trigger listings_updated_at before update on listings for each row execute function set_updated_at();

-- Weighted document: title (A) > tags, category and vendor names (B) > description (C).
-- 'simple' keeps Swahili and English words as written; typos are handled by search_words.
create function listings_search_document() returns trigger language plpgsql as $$
declare
    category_names text;
    vendor_name text;
begin
    select name_en || ' ' || name_sw into category_names from categories where id = new.category_id;
    select business_name into vendor_name from vendors where id = new.vendor_id;
    new.search :=
        setweight(to_tsvector('simple', new.title), 'A') ||
        setweight(to_tsvector('simple', array_to_string(new.tags, ' ') || ' ' || coalesce(category_names, '') || ' ' || coalesce(vendor_name, '')), 'B') ||
        setweight(to_tsvector('simple', new.description), 'C');
    return new;
end;
$$;
create trigger listings_search_document before insert or update of title, tags, description, category_id, vendor_id
    on listings for each row execute function listings_search_document();

create table listing_variants (
    id          uuid primary key,
    listing_id  uuid not null references listings (id) on delete cascade,
    -- Copied from the listing so SKUs can be unique per vendor.
    vendor_id   uuid not null references vendors (id),
    sku         text not null constraint listing_variants_sku_format check (char_length(sku) between 1 and 64),
    attributes  jsonb not null default '{}',
    price       numeric(14, 2) constraint listing_variants_price_positive check (price >= 0),
    stock       integer not null default 0 constraint listing_variants_stock_nonnegative check (stock >= 0),
    position    integer not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);
create unique index listing_variants_sku_key on listing_variants (vendor_id, sku);
create index listing_variants_listing on listing_variants (listing_id, position);
create trigger listing_variants_updated_at before update on listing_variants for each row execute function set_updated_at();

-- Statement-level, so a bulk import of many variants recomputes each listing once.
create function listing_stock_total() returns trigger language plpgsql as $$
begin
    update listings l set stock = coalesce((select sum(v.stock) from listing_variants v where v.listing_id = l.id), 0)
    where l.id in (select listing_id from changed);
    return null;
end;
$$;
create trigger listing_variants_stock_insert after insert on listing_variants
    referencing new table as changed for each statement execute function listing_stock_total();
create trigger listing_variants_stock_update after update on listing_variants
    referencing new table as changed for each statement execute function listing_stock_total();
create trigger listing_variants_stock_delete after delete on listing_variants
    referencing old table as changed for each statement execute function listing_stock_total();

-- The words that occur in approved listings, for typo correction ("samsng" → "samsung") and
-- autocomplete. Small (tens of thousands of rows) so trigram lookups stay fast at any catalog
-- size; refreshed by `refresh_search_words()` after bulk changes and periodically.
create table search_words (
    word  text primary key,
    ndoc  integer not null
);
create index search_words_trgm on search_words using gin (word gin_trgm_ops);
create index search_words_prefix on search_words (word text_pattern_ops);

create function refresh_search_words() returns void language sql as $$
    delete from search_words;
    insert into search_words (word, ndoc)
    select word, ndoc from ts_stat('select search from listings where status = ''approved''')
    where char_length(word) between 2 and 40;
$$;
