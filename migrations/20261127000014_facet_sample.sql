-- Facet counts over many matches are estimated from a fixed 1/16 sample of the listings (the
-- ones whose `sample` is 0), read through these partial indexes: counting every one of the
-- 37,000 matches of a common word visits as many heap pages (~80 ms at 1M listings); a
-- sixteenth of them, capped, costs what counting the first thousand in table order did, and
-- unlike those it is a fair sample.
-- The bucket hashes the id, so it never changes and is independent of anything searched for.
alter table listings
    add column sample int2 generated always as ((hashtext(id::text) & 15)::int2) stored;

create index listings_sample_search on listings using gin (search, category_id)
    with (fastupdate = off) where status = 'approved' and sample = 0;
-- Relevance asks the sample how many listings hold every word in the title (see
-- `dense_after_filters` in app/src/db/search/relevance.rs).
create index listings_sample_title on listings using gin (title_search, category_id)
    with (fastupdate = off) where status = 'approved' and sample = 0;
create index listings_sample_category on listings (category_id)
    where status = 'approved' and sample = 0;
create index listings_sample_geo on listings using gist (ll_to_earth(lat, lng))
    where status = 'approved' and sample = 0;
