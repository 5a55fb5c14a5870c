-- The sample's words, read index-only: one row per word of each approved sampled listing,
-- with the columns a count groups and filters by. The counts of a common word read its 1,001
-- sampled listings through the text index and then each from its own heap page (~790 pages,
-- 1.9-2.2 ms of the count's ~2.5 at 1M listings); here they are one range of one index
-- (0.7-0.9 ms for the whole count). About 1.6M rows at 1M listings (~27 words a listing).
--
-- `db::search::facets` reads it for one word without a category, shop or place (those keep the
-- text index with the category, and the radius indexes). Ordered by id within a word, the
-- first 1,001 of a capped count are as fair a sample as the table order was: ids are random.
create table search_sample_words (
    word          text not null,
    id            uuid not null,
    category_id   uuid not null,
    price         numeric(14, 2) not null,
    vendor_rating numeric(3, 2) not null,
    stock         integer not null,
    county        text not null
);

create unique index search_sample_words_key on search_sample_words (word, id)
    include (category_id, price, vendor_rating, stock, county);

-- Kept from the sample's own rows, in the same transaction as the listing's change. Deleted by
-- word and id (the key) rather than scanned for the id.
create function search_sample_words_sync() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'approved' then
        delete from search_sample_words
        where word = any(tsvector_to_array(old.search)) and id = old.id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'approved' then
        insert into search_sample_words (word, id, category_id, price, vendor_rating, stock, county)
        select w, new.id, new.category_id, new.price, new.vendor_rating, new.stock, new.county
        from unnest(tsvector_to_array(new.search)) w;
    end if;
    return null;
end $$;

create trigger search_sample_words_insert after insert on search_sample
    for each row execute function search_sample_words_sync();
create trigger search_sample_words_delete after delete on search_sample
    for each row execute function search_sample_words_sync();
-- Only the columns copied here: a category moved to another parent (`top_category_id`) does
-- not rewrite its listings' words.
create trigger search_sample_words_update after update on search_sample
    for each row when ((old.status, old.category_id, old.price, old.vendor_rating, old.stock,
                        old.county, old.search)
                       is distinct from
                       (new.status, new.category_id, new.price, new.vendor_rating, new.stock,
                        new.county, new.search))
    execute function search_sample_words_sync();

insert into search_sample_words (word, id, category_id, price, vendor_rating, stock, county)
select w, s.id, s.category_id, s.price, s.vendor_rating, s.stock, s.county
from search_sample s, unnest(tsvector_to_array(s.search)) w
where s.status = 'approved';

-- Index-only reads skip the heap only on all-visible pages (see `search_sample`).
alter table search_sample_words set (autovacuum_vacuum_scale_factor = 0.02,
                                     autovacuum_vacuum_insert_scale_factor = 0.02);
