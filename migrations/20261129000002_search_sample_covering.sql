-- Counts without words, read index-only. A category's or a shop's sampled listings were read
-- through an index of ids and then each from its heap page: within Electronics priced 1,000 to
-- 5,000, 5,143 sampled listings on 1,482 pages to keep 1,001 (3.7 ms at 1M listings). With the
-- filter and count columns in the index (`include`) the same count reads 17 index pages
-- (0.4 ms), while the sample's pages stay all-visible (the views flush does not touch them).
--
-- A top-level category is asked by its own and its subcategories' ids. Read from an index of
-- categories with `= any`, one subcategory's listings come before the next's, so the first 1,001
-- (the count's cap) would not be a fair sample of the whole; each listing's top-level category
-- (`top_category_id`) keeps one key, and its listings in table order, as before.
alter table search_sample add column top_category_id uuid;
update search_sample s set top_category_id = coalesce(c.parent_id, c.id)
from categories c where c.id = s.category_id;
alter table search_sample alter column top_category_id set not null;

-- A listing entering a category (new, or moved) reads that category's row `for share`: a move
-- of the category to another parent at the same time then either waits for this commit (and
-- re-groups the listing, below) or has committed first (and is read here as moved). Without the
-- lock the move's re-grouping could miss the listing, not yet committed. (Its foreign-key check
-- already waits on a category an admin has locked to edit.) Any other
-- change (stock, price) takes no lock, so a sale never waits on a category edit, and keeps the
-- sample row's top-level category: after waiting on a move's lock of that row, it is the moved
-- one.
create or replace function search_sample_copy() returns trigger language plpgsql as $$
declare
    top uuid;
begin
    if tg_op = 'INSERT' then
        select coalesce(parent_id, id) into top from categories where id = new.category_id for share;
    elsif old.category_id is distinct from new.category_id then
        select coalesce(parent_id, id) into top from categories where id = new.category_id for share;
    else
        select coalesce(parent_id, id) into top from categories where id = new.category_id;
    end if;
    insert into search_sample (id, status, category_id, vendor_id, price, vendor_rating, stock,
                               county, lat, lng, search, title_search, top_category_id)
    values (new.id, new.status, new.category_id, new.vendor_id, new.price, new.vendor_rating,
            new.stock, new.county, new.lat, new.lng, new.search, new.title_search, top)
    on conflict (id) do update
        set status = excluded.status, category_id = excluded.category_id,
            vendor_id = excluded.vendor_id, price = excluded.price,
            vendor_rating = excluded.vendor_rating, stock = excluded.stock,
            county = excluded.county, lat = excluded.lat, lng = excluded.lng,
            search = excluded.search, title_search = excluded.title_search,
            top_category_id = case when search_sample.category_id = excluded.category_id
                                   then search_sample.top_category_id
                                   else excluded.top_category_id end;
    return null;
end $$;

-- A category moved under another (or to the top level, or with its parent merged away): its
-- sampled listings follow in the same transaction. Categories are two levels deep
-- (`domain::category::check_parent`), so only the moved category's own listings change.
create function search_sample_regroup() returns trigger language plpgsql as $$
begin
    update search_sample set top_category_id = coalesce(new.parent_id, new.id)
    where category_id = new.id;
    return null;
end $$;

create trigger search_sample_regroup after update of parent_id on categories
    for each row when (old.parent_id is distinct from new.parent_id)
    execute function search_sample_regroup();

-- Every column a count without words filters or counts by (`db::search::facets`).
drop index search_sample_category;
drop index search_sample_vendor;
create index search_sample_category on search_sample (category_id)
    include (vendor_id, price, county, stock, vendor_rating) where status = 'approved';
create index search_sample_top_category on search_sample (top_category_id)
    include (category_id, vendor_id, price, county, stock, vendor_rating) where status = 'approved';
create index search_sample_vendor on search_sample (vendor_id)
    include (category_id, price, county, stock, vendor_rating) where status = 'approved';

-- Index-only reads skip the heap only on pages marked all-visible; stock and price changes
-- clear the mark, so the small table is vacuumed after a fiftieth of it changes rather than a
-- fifth.
alter table search_sample set (autovacuum_vacuum_scale_factor = 0.02,
                               autovacuum_vacuum_insert_scale_factor = 0.02);
