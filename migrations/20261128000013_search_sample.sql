-- The facet sample (the listings whose `sample` is 0, migration ..14 of 2026-11-27) in a narrow
-- table of its own, kept by trigger. Read in `listings`, each of up to 1,001 sampled matches
-- sat on its own heap page (a listing row is ~1.5 kB, so a sixteenth of them is spread over every
-- page of the table): 3-5 ms warm and 15-25 ms when those pages had left shared buffers, the
-- larger half of most searches at 1M listings. Here the same rows hold only what the filters
-- and facets read, about 20 to a page, so the whole sample stays cached.
-- Popularity is not copied: the sample is counted, never ordered, so the views flush's
-- popularity updates do not touch it.
create table search_sample (
    id            uuid primary key references listings (id) on delete cascade,
    status        text not null,
    category_id   uuid not null,
    vendor_id     uuid not null,
    price         numeric(14, 2) not null,
    vendor_rating numeric(3, 2) not null,
    stock         integer not null,
    county        text not null,
    lat           double precision not null,
    lng           double precision not null,
    search        tsvector not null,
    title_search  tsvector not null
);

create function search_sample_copy() returns trigger language plpgsql as $$
begin
    insert into search_sample (id, status, category_id, vendor_id, price, vendor_rating, stock,
                               county, lat, lng, search, title_search)
    values (new.id, new.status, new.category_id, new.vendor_id, new.price, new.vendor_rating,
            new.stock, new.county, new.lat, new.lng, new.search, new.title_search)
    on conflict (id) do update
        set status = excluded.status, category_id = excluded.category_id,
            vendor_id = excluded.vendor_id, price = excluded.price,
            vendor_rating = excluded.vendor_rating, stock = excluded.stock,
            county = excluded.county, lat = excluded.lat, lng = excluded.lng,
            search = excluded.search, title_search = excluded.title_search;
    return null;
end $$;

-- `sample` hashes the id, so a listing is in the sample for life; deletes follow by cascade.
create trigger search_sample_insert after insert on listings
    for each row when (new.sample = 0) execute function search_sample_copy();
create trigger search_sample_update after update on listings
    for each row when (new.sample = 0 and
        (old.status, old.category_id, old.vendor_id, old.price, old.vendor_rating, old.stock,
         old.county, old.lat, old.lng, old.search, old.title_search)
        is distinct from
        (new.status, new.category_id, new.vendor_id, new.price, new.vendor_rating, new.stock,
         new.county, new.lat, new.lng, new.search, new.title_search))
    execute function search_sample_copy();

insert into search_sample (id, status, category_id, vendor_id, price, vendor_rating, stock,
                           county, lat, lng, search, title_search)
select id, status, category_id, vendor_id, price, vendor_rating, stock, county, lat, lng,
       search, title_search
from listings where sample = 0;

-- The shapes the partial indexes on `listings` had (text with category, category, place), and
-- the shop, which `listings` served from its vendor index (without it a storefront's count read
-- the whole sample: 20 ms). The text indexes have no pending list, as on `listings`.
create index search_sample_search on search_sample using gin (search, category_id)
    with (fastupdate = off) where status = 'approved';
create index search_sample_title on search_sample using gin (title_search, category_id)
    with (fastupdate = off) where status = 'approved';
create index search_sample_category on search_sample (category_id) where status = 'approved';
create index search_sample_vendor on search_sample (vendor_id) where status = 'approved';
create index search_sample_geo on search_sample using gist (ll_to_earth(lat, lng))
    where status = 'approved';

drop index listings_sample_search;
drop index listings_sample_title;
drop index listings_sample_category;
drop index listings_sample_geo;
