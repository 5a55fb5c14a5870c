-- Which categories hold each word: every (lexeme, category) pair of any listing's document,
-- kept by trigger in the listing's own transaction. A listing has one category, so words that
-- share no category share no listing, and a search for them needs no read of the text index
-- to know it: "samsung unga" intersected the posting lists of 38,000 and 63,000 listings to
-- find none (5.4 ms at 1M listings) before the listings with either word were read.
--
-- The table only grows (a listing that loses a word, changes category, is suspended or is
-- deleted leaves its pairs): a pair too many costs that index read, never a wrong answer, while
-- pruning one a concurrent write is adding back could hide a listing.
create table search_word_categories (
    word        text not null,
    category_id uuid not null,
    primary key (word, category_id)
);

-- New listings, as a statement: an import or a seed adds its rows' pairs in one insert.
create function search_word_categories_insert() returns trigger language plpgsql as $$
begin
    insert into search_word_categories (word, category_id)
    select distinct u.lexeme, n.category_id from new_rows n, unnest(n.search) u
    on conflict do nothing;
    return null;
end $$;

create trigger search_word_categories_insert after insert on listings
    referencing new table as new_rows
    for each statement execute function search_word_categories_insert();

-- Changed words or category (an edit, or a category or shop renamed and re-indexed), as rows:
-- the views flush's popularity updates do not call it.
create function search_word_categories_update() returns trigger language plpgsql as $$
begin
    insert into search_word_categories (word, category_id)
    select u.lexeme, new.category_id from unnest(new.search) u
    on conflict do nothing;
    return null;
end $$;

create trigger search_word_categories_update after update on listings
    for each row when (old.search is distinct from new.search
                       or old.category_id is distinct from new.category_id)
    execute function search_word_categories_update();

insert into search_word_categories (word, category_id)
select distinct u.lexeme, l.category_id from listings l, unnest(l.search) u;
