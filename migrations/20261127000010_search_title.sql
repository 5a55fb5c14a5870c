-- Relevance puts listings whose titles hold every word first. The weighted document cannot
-- answer "in the title" from its index (GIN keeps words, not weights), so the title has its own
-- words and index: the title tier of a search is then an index lookup, and the other tier a
-- lookup in the document minus the title's. Generated, so it can never disagree with the title
-- (the document's title part is the same `to_tsvector('simple', title)`).
alter table listings
    add column title_search tsvector generated always as (to_tsvector('simple', title)) stored;
create index listings_title_search on listings using gin (title_search)
    with (fastupdate = off) where status = 'approved';

-- The vocabulary also counts titles per word, to choose how the title tier is read.
alter table search_words add column ntitle integer not null default 0;

create or replace function refresh_search_words() returns void language sql as $$
    delete from search_words;
    insert into search_words (word, ndoc, ntitle)
    select s.word, s.ndoc, coalesce(t.ndoc, 0)
    from ts_stat('select search from listings where status = ''approved''') s
    left join ts_stat('select title_search from listings where status = ''approved''') t
        on t.word = s.word
    where char_length(s.word) between 2 and 40;
$$;
